package de.stadtportal.content.city.application;

import reactor.core.publisher.Mono;

/** What the other features ask of cities: whether the portal has one, so they refuse content for any other (404). */
public interface KnownCities {

    /** Completes when the city exists, fails with {@code NotFound} otherwise. */
    Mono<Void> requireExists(String slug);
}
