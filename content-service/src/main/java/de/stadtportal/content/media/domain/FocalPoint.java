package de.stadtportal.content.media.domain;

import de.stadtportal.kernel.refusal.InvalidInput;
import de.stadtportal.kernel.refusal.Violation;

/**
 * The point of an image that a crop must keep, as fractions of width and height from the top left
 * ({@code 0.5,0.5} is the centre, which is where it lies unless an editor says otherwise).
 */
public record FocalPoint(double x, double y) {

    public static final FocalPoint CENTRE = new FocalPoint(0.5, 0.5);

    public FocalPoint {
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
            throw invalid();
        }
    }

    /** Reads {@code x,y}; null or blank is the centre. */
    public static FocalPoint parse(String text) {
        if (text == null || text.isBlank()) {
            return CENTRE;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw invalid();
        }
        try {
            return new FocalPoint(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static InvalidInput invalid() {
        return new InvalidInput("The focal point is two fractions",
                new Violation("focalPoint", "must be x,y with both between 0 and 1, e.g. 0.5,0.3"));
    }
}
