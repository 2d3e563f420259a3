package de.stadtportal.content.city.domain;

import de.stadtportal.kernel.version.EntityTags;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A city of the portal, named by its slug. Its version rises with every change and is the version
 * of the {@code CityChanged} event, so consumers keep only the newest portrait.
 */
public record City(String slug, Portrait portrait, long version, Instant updatedAt) {

    /** A city's slug is the part of every address that names it: lower-case letters, digits and single hyphens. */
    public static final String SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int SLUG_MAX_LENGTH = 120;
    private static final Pattern SLUG = Pattern.compile(SLUG_PATTERN);

    public City {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(portrait, "portrait");
    }

    public static boolean isValidSlug(String slug) {
        return slug != null && slug.length() <= SLUG_MAX_LENGTH && SLUG.matcher(slug).matches();
    }

    public static City create(String slug, Portrait portrait, Instant now) {
        return new City(slug, portrait, 1, now);
    }

    public City revise(Portrait next, Instant now) {
        return new City(slug, next, version + 1, now);
    }

    /** The entity tag of this version of the portrait. */
    public String entityTag() {
        return EntityTags.of("city", slug, version);
    }
}
