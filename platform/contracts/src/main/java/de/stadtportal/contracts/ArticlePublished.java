package de.stadtportal.contracts;

import java.time.Instant;
import java.util.Objects;

public record ArticlePublished(String aggregateId, long version, Instant occurredAt, ArticleSnapshot article) implements IntegrationEvent {

    public ArticlePublished {
        Checks.requireEnvelope(aggregateId, version, occurredAt);
        Objects.requireNonNull(article, "article");
    }
}
