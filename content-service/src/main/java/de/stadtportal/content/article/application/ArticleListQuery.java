package de.stadtportal.content.article.application;

import java.time.Instant;
import java.util.UUID;

/**
 * A page of a city's articles: the published ones newest first, or with {@code drafts} its drafts
 * most recently changed first. {@code topic}, {@code tag}, {@code locale} and {@code after} are null
 * when not asked for.
 */
public record ArticleListQuery(String city, boolean drafts, String topic, String tag, String locale, After after,
        int limit) {

    /** The position a page continues after: the sort time of the last article shown and its id. */
    public record After(Instant at, UUID id) {
    }

    public Instant afterAt() {
        return after == null ? null : after.at();
    }

    public UUID afterId() {
        return after == null ? null : after.id();
    }
}
