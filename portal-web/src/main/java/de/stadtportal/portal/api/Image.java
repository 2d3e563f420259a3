package de.stadtportal.portal.api;

import java.util.Map;

/**
 * An image with its alternative text, as articles, portraits, highlights and events carry it. An
 * image of the platform's media library adds its pixel size and its renditions as {@code srcset}
 * values per format ({@code jpg}, {@code webp}); an image given by URL has neither.
 */
public record Image(String url, String alt, Integer width, Integer height, Map<String, String> srcset) {

    /** The {@code srcset} of one format, or null when the API offers none. */
    public String srcset(String format) {
        return srcset == null ? null : srcset.get(format);
    }

    /** Alternative text: empty (decorative) when the API gives none, never missing. */
    public String alt() {
        return alt == null ? "" : alt;
    }
}
