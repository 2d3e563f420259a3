package de.stadtportal.contracts;

import java.time.Instant;

public record CityRemoved(String aggregateId, long version, Instant occurredAt) implements IntegrationEvent {

    public CityRemoved {
        Checks.requireEnvelope(aggregateId, version, occurredAt);
    }
}
