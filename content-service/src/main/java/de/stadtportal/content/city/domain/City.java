package de.stadtportal.content.city.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A city of the portal, named by its slug. Its version rises with every change and is the version
 * of the {@code CityChanged} event, so consumers keep only the newest portrait.
 */
public record City(String slug, Portrait portrait, long version, Instant updatedAt) {

    public City {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(portrait, "portrait");
    }

    public static City create(String slug, Portrait portrait, Instant now) {
        return new City(slug, portrait, 1, now);
    }

    public City revise(Portrait next, Instant now) {
        return new City(slug, next, version + 1, now);
    }
}
