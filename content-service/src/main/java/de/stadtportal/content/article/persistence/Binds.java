package de.stadtportal.content.article.persistence;

import de.stadtportal.content.article.domain.Article;
import de.stadtportal.content.article.domain.Content;
import de.stadtportal.content.article.domain.Image;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Binding the values of an article's statements: times as UTC, absent values as typed nulls, so that
 * a null-tolerant predicate ({@code CAST(:topic AS text) IS NULL OR ...}) sees a null of its type.
 */
final class Binds {

    private Binds() {
    }

    /** The optional filters both lists share; each may be null. */
    static GenericExecuteSpec filters(GenericExecuteSpec spec, String topic, String tag, Instant afterAt,
            UUID afterId) {
        spec = nullable(spec, "topic", topic, String.class);
        spec = nullable(spec, "tag", tag, String.class);
        spec = nullable(spec, "afterAt", utc(afterAt), OffsetDateTime.class);
        return nullable(spec, "afterId", afterId, UUID.class);
    }

    /** Every column of the article row. */
    static GenericExecuteSpec article(GenericExecuteSpec spec, Article article) {
        Content content = article.content();
        spec = spec.bind("id", article.id())
                .bind("city", article.city())
                .bind("slug", article.slug())
                .bind("locale", article.locale())
                .bind("status", article.status().wire())
                .bind("announced", article.announced())
                .bind("version", article.version())
                .bind("createdAt", utc(article.createdAt()))
                .bind("updatedAt", utc(article.updatedAt()));
        spec = content(spec, content);
        spec = nullable(spec, "publishAt", utc(article.publishAt()), OffsetDateTime.class);
        return nullable(spec, "publishedAt", utc(article.publishedAt()), OffsetDateTime.class);
    }

    /** What an editor wrote and when it is to be published: the columns an article and its revisions share. */
    static GenericExecuteSpec content(GenericExecuteSpec spec, Content content) {
        spec = spec.bind("topic", content.topic())
                .bind("title", content.title())
                .bind("summary", content.summary())
                .bind("body", content.body())
                .bind("tags", content.tags().toArray(String[]::new));
        spec = nullable(spec, "subtitle", content.subtitle(), String.class);
        spec = nullable(spec, "heroUrl", content.heroImage() == null ? null : content.heroImage().url(), String.class);
        spec = nullable(spec, "heroAlt", content.heroImage() == null ? null : content.heroImage().alt(), String.class);
        return nullable(spec, "heroMediaId", content.heroImage() == null ? null : content.heroImage().mediaId(),
                UUID.class);
    }

    /** The hero image of a row of {@code article} or {@code article_revision}: a media item, a URL or none. */
    static Image heroImage(Readable row) {
        String url = row.get("hero_url", String.class);
        UUID mediaId = row.get("hero_media_id", UUID.class);
        return url == null && mediaId == null ? null : new Image(url, row.get("hero_alt", String.class), mediaId);
    }

    static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
