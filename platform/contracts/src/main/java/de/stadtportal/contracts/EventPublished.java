package de.stadtportal.contracts;

import java.time.Instant;
import java.util.Objects;

public record EventPublished(String aggregateId, long version, Instant occurredAt, EventSnapshot event) implements IntegrationEvent {

    public EventPublished {
        Checks.requireEnvelope(aggregateId, version, occurredAt);
        Objects.requireNonNull(event, "event");
    }
}
