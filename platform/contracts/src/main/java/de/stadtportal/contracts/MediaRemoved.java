package de.stadtportal.contracts;

import java.time.Instant;
import java.util.Objects;

/** A media item was deleted from its city's library. aggregateId is its UUID. */
public record MediaRemoved(String aggregateId, long version, Instant occurredAt, String city)
        implements IntegrationEvent {

    public MediaRemoved {
        Checks.requireEnvelope(aggregateId, version, occurredAt);
        Objects.requireNonNull(city, "city");
    }
}
