package de.stadtportal.content.highlight.domain;

import de.stadtportal.content.article.domain.Slugs;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One teaser of a city's carousel. It links something the portal shows (an article of this city,
 * an event or a venue of the events service) or an external page, and may be limited to a window
 * of time, e.g. a festival teaser that should vanish when the festival is over.
 */
public record Highlight(String title, Link link, String imageUrl, String imageAlt, Instant validFrom,
        Instant validUntil, UUID imageMediaId) {

    /**
     * The image is an item of the media library ({@code imageMediaId}; {@code imageAlt}, when given,
     * overrides its alt text) or an image by URL with its alt text.
     */
    public Highlight {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        if (imageMediaId == null) {
            Objects.requireNonNull(imageUrl, "imageUrl");
            Objects.requireNonNull(imageAlt, "imageAlt");
        }
        if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
            throw new IllegalArgumentException("validFrom must lie before validUntil");
        }
    }

    public Highlight(String title, Link link, String imageUrl, String imageAlt, Instant validFrom, Instant validUntil) {
        this(title, link, imageUrl, imageAlt, validFrom, validUntil, null);
    }

    /** Shown from {@code validFrom} (inclusive) until {@code validUntil} (exclusive); open ends are unlimited. */
    public boolean isValidAt(Instant now) {
        return (validFrom == null || !now.isBefore(validFrom)) && (validUntil == null || now.isBefore(validUntil));
    }

    public enum Kind {
        ARTICLE, EVENT, VENUE, URL
    }

    /** What a highlight points at: an article slug, an event or venue id, or an absolute URL. */
    public record Link(Kind kind, String target) {

        public Link {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(target, "target");
        }

        /**
         * Whether the target has the form its kind takes: an article slug, the UUID of an event or a
         * venue, an absolute http(s) URL (nothing else, since apps open it as it is).
         */
        public static boolean fits(Kind kind, String target) {
            return switch (kind) {
                case ARTICLE -> Slugs.isValid(target);
                case EVENT, VENUE -> isUuid(target);
                case URL -> isWebUrl(target);
            };
        }

        /** Where an app finds the linked thing through the gateway. */
        public String href(String city) {
            return switch (kind) {
                case ARTICLE -> "/api/cities/" + city + "/articles/" + target;
                case EVENT -> "/api/events/" + target;
                case VENUE -> "/api/venues/" + target;
                case URL -> target;
            };
        }

        private static boolean isUuid(String value) {
            try {
                return UUID.fromString(value).toString().equalsIgnoreCase(value);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static boolean isWebUrl(String value) {
            try {
                URI uri = new URI(value);
                return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
