package de.stadtportal.contracts;

import java.time.Instant;
import java.util.Objects;

public record CityChanged(String aggregateId, long version, Instant occurredAt, CitySnapshot city) implements IntegrationEvent {

    public CityChanged {
        Checks.requireEnvelope(aggregateId, version, occurredAt);
        Objects.requireNonNull(city, "city");
    }
}
