package de.stadtportal.contracts;

import java.time.Instant;
import java.util.Objects;

public record VenueRemoved(String aggregateId, long version, Instant occurredAt, String city) implements IntegrationEvent {

    public VenueRemoved {
        Checks.requireEnvelope(aggregateId, version, occurredAt);
        Objects.requireNonNull(city, "city");
    }
}
