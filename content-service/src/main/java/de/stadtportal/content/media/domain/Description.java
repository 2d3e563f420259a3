package de.stadtportal.content.media.domain;

import de.stadtportal.kernel.refusal.InvalidInput;
import de.stadtportal.kernel.refusal.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * What editors say about an image: the German alt text every image needs (pages are German first),
 * an English one, a caption, and credit and licence, which city marketing must print with photos it
 * did not take itself. Blank optional texts are absent.
 */
public record Description(String alt, String altEn, String caption, String credit, String licence,
        FocalPoint focalPoint) {

    public Description {
        alt = blankless(alt);
        altEn = blankless(altEn);
        caption = blankless(caption);
        credit = blankless(credit);
        licence = blankless(licence);
        focalPoint = focalPoint == null ? FocalPoint.CENTRE : focalPoint;
        List<Violation> violations = new ArrayList<>();
        if (alt == null) {
            violations.add(new Violation("alt", "must not be blank; it is what people who cannot see the image read"));
        }
        tooLong(violations, "alt", alt, 300);
        tooLong(violations, "altEn", altEn, 300);
        tooLong(violations, "caption", caption, 1000);
        tooLong(violations, "credit", credit, 200);
        tooLong(violations, "licence", licence, 200);
        if (!violations.isEmpty()) {
            throw new InvalidInput("The description of the image is incomplete or too long", violations);
        }
    }

    /** The alt text in {@code locale}, falling back to the German one. */
    public String alt(String locale) {
        return "en".equals(locale) && altEn != null ? altEn : alt;
    }

    private static void tooLong(List<Violation> violations, String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
