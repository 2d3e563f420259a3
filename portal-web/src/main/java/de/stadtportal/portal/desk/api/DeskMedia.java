package de.stadtportal.portal.desk.api;

import java.util.Comparator;
import java.util.List;

/**
 * An item of a city's media library as the API serves it ({@code GET /api/media/{id}}): its pixel
 * size, its description and its renditions, absolute URLs at the platform's public address.
 */
public record DeskMedia(String id, String city, String alt, String altEn, String caption, String credit,
        String licence, FocalPoint focalPoint, String format, int width, int height, List<Rendition> renditions) {

    public DeskMedia {
        renditions = renditions == null ? List.of() : renditions;
    }

    /** Where the interesting part of the image is, for crops: {@code x} and {@code y} between 0 and 1. */
    public record FocalPoint(double x, double y) {

        @Override
        public String toString() {
            return x + "," + y;
        }
    }

    /** One size of the image in one format. */
    public record Rendition(int width, int height, String format, String url) {
    }

    /** The smallest JPEG rendition, for lists and choices; null when the API named none. */
    public Rendition thumbnail() {
        return renditions.stream().filter(rendition -> "jpg".equals(rendition.format()) || "jpeg".equals(rendition.format()))
                .min(Comparator.comparingInt(Rendition::width)).orElse(null);
    }

    /** How the desk names the item in a choice: its alt text, then its pixel size. */
    public String label() {
        return alt + " (" + width + " × " + height + ")";
    }
}
