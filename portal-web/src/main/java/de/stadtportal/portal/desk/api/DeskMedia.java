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
        return renditions.stream().filter(DeskMedia::jpeg).min(Comparator.comparingInt(Rendition::width)).orElse(null);
    }

    /**
     * The item as an event's image: the events API keeps a URL and an alt text rather than a library
     * reference, so an event shows the largest JPEG rendition with the library's alt text of today.
     */
    public DeskEvent.Image asEventImage() {
        Rendition largest = renditions.stream().filter(DeskMedia::jpeg).max(Comparator.comparingInt(Rendition::width))
                .orElse(null);
        return largest == null ? null : new DeskEvent.Image(largest.url(), alt);
    }

    private static boolean jpeg(Rendition rendition) {
        return "jpg".equals(rendition.format()) || "jpeg".equals(rendition.format());
    }

    /** How the desk names the item in a choice: its alt text, then its pixel size. */
    public String label() {
        return alt + " (" + width + " × " + height + ")";
    }
}
