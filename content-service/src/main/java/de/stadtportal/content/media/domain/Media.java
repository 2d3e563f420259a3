package de.stadtportal.content.media.domain;

import de.stadtportal.kernel.version.EntityTags;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One image of a city's library: which bytes (by their SHA-256), what they are (format and pixel
 * size, read from the image itself, never from what the client claimed) and how editors describe
 * them. The bytes never change, so a rendition's URL can be cached for ever; the description does,
 * and every change raises {@link #version()}, which is the version of its events too.
 */
public record Media(UUID id, String city, String sha256, MediaFormat format, int width, int height, int size,
        Description description, long version, Instant createdAt, Instant updatedAt) {

    public Media {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(description, "description");
        if (width < 1 || height < 1 || version < 1) {
            throw new IllegalArgumentException("width, height and version must be positive");
        }
    }

    /** A new item of {@code city}'s library. */
    public static MediaChange upload(UUID id, String city, String sha256, MediaFormat format, int width, int height,
            int size, Description description, Instant now) {
        Media media = new Media(id, city, sha256, format, width, height, size, description, 1, now, now);
        return new MediaChange(media, List.of(new MediaEvent.Described(media)));
    }

    /** A new description; the same description again changes nothing. */
    public MediaChange describe(Description next, Instant now) {
        if (next.equals(description)) {
            return new MediaChange(this, List.of());
        }
        Media described = new Media(id, city, sha256, format, width, height, size, next, version + 1, createdAt, now);
        return new MediaChange(described, List.of(new MediaEvent.Described(described)));
    }

    /** Takes the item out of the library; whether anything still shows it is checked around it. */
    public MediaChange remove(Instant now) {
        Media removed = new Media(id, city, sha256, format, width, height, size, description, version + 1, createdAt,
                now);
        return new MediaChange(removed, List.of(new MediaEvent.Removed(removed)));
    }

    public String entityTag() {
        return EntityTags.of("media", id, version);
    }

    /** The widths this item is offered in (see {@link Renditions}). */
    public List<Integer> renditionWidths() {
        return Renditions.offered(width);
    }
}
