package de.stadtportal.contracts;

import java.time.Instant;
import java.util.Objects;

public record VenueChanged(String aggregateId, long version, Instant occurredAt, VenueSnapshot venue) implements IntegrationEvent {

    public VenueChanged {
        Checks.requireEnvelope(aggregateId, version, occurredAt);
        Objects.requireNonNull(venue, "venue");
    }
}
