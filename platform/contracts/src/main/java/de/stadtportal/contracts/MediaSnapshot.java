package de.stadtportal.contracts;

import java.util.List;
import java.util.Objects;

/**
 * A media item as others read it: what the image is and how editors describe it. {@code widths} are
 * the rendition widths offered at {@code /api/media/{id}/{width}.{jpg|webp}}; {@code sha256} names
 * the bytes, which never change for an item.
 */
public record MediaSnapshot(
        String id,
        String city,
        String sha256,
        String format,
        int width,
        int height,
        String alt,
        String altEn,
        String caption,
        String credit,
        String licence,
        double focalX,
        double focalY,
        List<Integer> widths) {

    public MediaSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(alt, "alt");
        widths = Checks.listOf(widths);
    }
}
