package de.stadtportal.events.city.application;

import reactor.core.publisher.Mono;

/**
 * What venues and events ask of the city feature: whether content-service has announced a city on
 * {@code content.cities.v1}. Unlike content-service's {@code KnownCities} (which owns the cities and
 * answers 404), this asks a local copy fed by the topic, and an unknown city in a write is input the
 * service cannot use (422).
 */
public interface AnnouncedCities {

    /** Completes when the city was announced, otherwise refuses (422) naming {@code field}. */
    Mono<Void> requireAnnounced(String city, String field);
}
