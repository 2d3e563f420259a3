package de.stadtportal.content.city;

import reactor.core.publisher.Mono;

/** Lets the other features refuse content for a city the portal does not have (404). */
public interface KnownCities {

    /** Completes when the city exists, fails with a 404 problem otherwise. */
    Mono<Void> requireExists(String slug);
}
