package de.stadtportal.content.media.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An image as articles, city portraits and highlights show it. The fields of old, {@code url} and
 * {@code alt}, are always there, so clients that know nothing of the library keep working (for a
 * library item {@code url} is its widest JPEG rendition); an item of the library adds its id, its
 * pixel size and its renditions, one by one and as {@code srcset} values per format.
 * Absent fields are left out, so an image by URL has exactly the shape it had.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageView(String url, String alt, UUID mediaId, Integer width, Integer height,
        List<RenditionLink> renditions, Map<String, String> srcset) {

    /** An image by URL, as before the library. */
    public static ImageView ofUrl(String url, String alt) {
        return new ImageView(url, alt, null, null, null, null, null);
    }
}
