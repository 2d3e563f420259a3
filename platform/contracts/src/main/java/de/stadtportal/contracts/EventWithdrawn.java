package de.stadtportal.contracts;

import java.time.Instant;
import java.util.Objects;

public record EventWithdrawn(String aggregateId, long version, Instant occurredAt, String city) implements IntegrationEvent {

    public EventWithdrawn {
        Checks.requireEnvelope(aggregateId, version, occurredAt);
        Objects.requireNonNull(city, "city");
    }
}
