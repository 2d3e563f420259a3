package de.stadtportal.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

public record ArticleSnapshot(
        String id,
        String city,
        String slug,
        String locale,
        String topic,
        String title,
        String subtitle,
        String summary,
        String body,
        List<String> tags,
        Image heroImage,
        Instant publishedAt,
        Instant updatedAt,
        List<String> translations) {

    public ArticleSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(title, "title");
        tags = Checks.listOf(tags);
        translations = Checks.listOf(translations);
    }
}
