package de.stadtportal.events.city.application;

import de.stadtportal.kernel.refusal.UnknownReference;
import de.stadtportal.kernel.refusal.Violation;
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

    /** The refusal of a city never announced (422), naming {@code field}: for writes that asked otherwise. */
    static UnknownReference unknown(String city, String field) {
        return new UnknownReference("Unknown city '" + city + "'",
                new Violation(field, "is not a city this platform knows"));
    }
}
