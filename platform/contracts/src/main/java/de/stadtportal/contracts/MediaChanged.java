package de.stadtportal.contracts;

import java.time.Instant;
import java.util.Objects;

/** A media item was uploaded or described anew; carries the whole item. aggregateId is its UUID. */
public record MediaChanged(String aggregateId, long version, Instant occurredAt, MediaSnapshot media)
        implements IntegrationEvent {

    public MediaChanged {
        Checks.requireEnvelope(aggregateId, version, occurredAt);
        Objects.requireNonNull(media, "media");
    }
}
