package de.stadtportal.content.article.domain;

import java.util.UUID;

/**
 * A picture with the text that replaces it for people who cannot see it: an item of the media
 * library ({@code mediaId}; {@code alt}, when given, replaces the item's alt text for this article)
 * or, as before the library, an image elsewhere by its URL.
 */
public record Image(String url, String alt, UUID mediaId) {

    public Image {
        if (url == null && mediaId == null) {
            throw new IllegalArgumentException("An image is a media item or a URL");
        }
    }

    public Image(String url, String alt) {
        this(url, alt, null);
    }
}
