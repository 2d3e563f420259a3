package de.stadtportal.contracts;

import java.time.Instant;
import java.util.Objects;

public record ArticleWithdrawn(String aggregateId, long version, Instant occurredAt, String city, String slug)
        implements IntegrationEvent {

    public ArticleWithdrawn {
        Checks.requireEnvelope(aggregateId, version, occurredAt);
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(slug, "slug");
    }
}
