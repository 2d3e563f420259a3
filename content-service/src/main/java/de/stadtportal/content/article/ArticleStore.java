package de.stadtportal.content.article;

import de.stadtportal.content.article.domain.Article;
import de.stadtportal.content.article.domain.Content;
import de.stadtportal.content.article.domain.Image;
import de.stadtportal.content.article.domain.Status;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code article} and {@code article_revision} tables. Updates name the version they replace
 * and report whether the row was still at it, which is how concurrent edits are detected without
 * holding locks across a request.
 */
@Component
class ArticleStore {

    private static final String COLUMNS = """
            a.id, a.city, a.slug, a.locale, a.topic, a.title, a.subtitle, a.summary, a.body, a.tags, a.hero_url,
            a.hero_alt, a.status, a.publish_at, a.published_at, a.announced, a.version, a.created_at, a.updated_at,
            ARRAY(SELECT t.locale FROM article t WHERE t.city = a.city AND t.slug = a.slug AND t.id <> a.id
                  AND t.status = 'published' ORDER BY t.locale) AS translations
            """;

    private final DatabaseClient database;

    ArticleStore(DatabaseClient database) {
        this.database = database;
    }

    /** An article with the other locales it is published in. */
    record Found(Article article, List<String> translations) {
    }

    /** Which article to continue a list after: its sort time (published, or last changed for drafts) and id. */
    record Position(Instant at, UUID id) {
    }

    Mono<Found> find(String city, String slug, String locale) {
        return database.sql("SELECT " + COLUMNS + " FROM article a WHERE a.city = :city AND a.slug = :slug"
                        + " AND a.locale = :locale")
                .bind("city", city).bind("slug", slug).bind("locale", locale)
                .map(ArticleStore::found)
                .one();
    }

    Mono<Boolean> exists(String city, String slug) {
        return database.sql("SELECT 1 FROM article WHERE city = :city AND slug = :slug LIMIT 1")
                .bind("city", city).bind("slug", slug)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    /**
     * For each of the slugs that names an article of the city (in any locale): whether it is
     * published in {@code locale}, the one {@code /api/cities/{city}/articles/{slug}} serves by default.
     */
    Mono<Map<String, Boolean>> readable(String city, Collection<String> slugs, String locale) {
        if (slugs.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql("SELECT slug, bool_or(status = 'published' AND locale = :locale) AS readable FROM article"
                        + " WHERE city = :city AND slug = ANY(:slugs) GROUP BY slug")
                .bind("city", city).bind("slugs", slugs.toArray(String[]::new)).bind("locale", locale)
                .map(row -> Map.entry(row.get("slug", String.class), Boolean.TRUE.equals(row.get("readable", Boolean.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Slugs in use in a city that a derived slug could collide with: the base and its numbered variants. */
    Flux<String> slugsLike(String city, String base) {
        return database.sql("SELECT DISTINCT slug FROM article WHERE city = :city AND (slug = :base OR slug LIKE :prefix)")
                .bind("city", city).bind("base", base).bind("prefix", base + "-%")
                .map(row -> row.get("slug", String.class))
                .all();
    }

    /**
     * Public articles newest first, in the requested locale where it exists and in the fallback
     * locale otherwise. The position is a key, not an offset, so articles published meanwhile do not
     * shift the next page.
     */
    Flux<Found> published(String city, String locale, String fallback, String topic, String tag, Position after,
            int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM article a"
                + " WHERE a.city = :city AND a.status = 'published'"
                + " AND (a.locale = :locale OR (a.locale = :fallback AND NOT EXISTS (SELECT 1 FROM article t"
                + " WHERE t.city = a.city AND t.slug = a.slug AND t.locale = :locale AND t.status = 'published')))");
        sql.append(filters("a.published_at", topic, tag, after));
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString())
                .bind("city", city).bind("locale", locale).bind("fallback", fallback).bind("limit", limit);
        spec = bindFilters(spec, topic, tag, after);
        return spec.map(ArticleStore::found).all();
    }

    /**
     * A city's drafts (scheduled ones among them), the most recently changed first, in one locale or
     * in all of them; for its editors.
     */
    Flux<Found> drafts(String city, String locale, String topic, String tag, Position after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM article a"
                + " WHERE a.city = :city AND a.status = 'draft'");
        if (locale != null) {
            sql.append(" AND a.locale = :locale");
        }
        sql.append(filters("a.updated_at", topic, tag, after));
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString()).bind("city", city).bind("limit", limit);
        if (locale != null) {
            spec = spec.bind("locale", locale);
        }
        spec = bindFilters(spec, topic, tag, after);
        return spec.map(ArticleStore::found).all();
    }

    /** The filters both lists share, then their order: newest {@code sortedBy} first, the id breaking ties. */
    private static String filters(String sortedBy, String topic, String tag, Position after) {
        return (topic != null ? " AND a.topic = :topic" : "")
                + (tag != null ? " AND :tag = ANY(a.tags)" : "")
                + (after != null ? " AND (" + sortedBy + ", a.id) < (:afterAt, :afterId)" : "")
                + " ORDER BY " + sortedBy + " DESC, a.id DESC LIMIT :limit";
    }

    private static DatabaseClient.GenericExecuteSpec bindFilters(DatabaseClient.GenericExecuteSpec spec, String topic,
            String tag, Position after) {
        if (topic != null) {
            spec = spec.bind("topic", topic);
        }
        if (tag != null) {
            spec = spec.bind("tag", tag);
        }
        if (after != null) {
            spec = spec.bind("afterAt", after.at().atOffset(ZoneOffset.UTC)).bind("afterId", after.id());
        }
        return spec;
    }

    Mono<Void> insert(Article article) {
        return bindAll(database.sql("""
                INSERT INTO article (id, city, slug, locale, topic, title, subtitle, summary, body, tags, hero_url,
                    hero_alt, status, publish_at, published_at, announced, version, created_at, updated_at)
                VALUES (:id, :city, :slug, :locale, :topic, :title, :subtitle, :summary, :body, :tags, :heroUrl,
                    :heroAlt, :status, :publishAt, :publishedAt, :announced, :version, :createdAt, :updatedAt)
                """), article).then();
    }

    /** Stores the next state; false when the row is no longer at the version before it. */
    Mono<Boolean> update(Article article) {
        return bindAll(database.sql("""
                UPDATE article SET topic = :topic, title = :title, subtitle = :subtitle, summary = :summary,
                    body = :body, tags = :tags, hero_url = :heroUrl, hero_alt = :heroAlt, status = :status,
                    publish_at = :publishAt, published_at = :publishedAt, announced = :announced,
                    version = :version, created_at = :createdAt, updated_at = :updatedAt
                WHERE id = :id AND version = :version - 1 AND city = :city AND slug = :slug AND locale = :locale
                """), article).fetch().rowsUpdated().map(count -> count == 1);
    }

    /** Removes the article and its revisions; false when it changed since it was read. */
    Mono<Boolean> delete(Article current) {
        return database.sql("DELETE FROM article WHERE id = :id AND version = :version")
                .bind("id", current.id()).bind("version", current.version())
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    Mono<Void> addRevision(Article article, String change, String savedBy) {
        Content content = article.content();
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                INSERT INTO article_revision (article_id, version, change, saved_by, saved_at, status, topic, title,
                    subtitle, summary, body, tags, hero_url, hero_alt, publish_at)
                VALUES (:id, :version, :change, :savedBy, :savedAt, :status, :topic, :title, :subtitle, :summary,
                    :body, :tags, :heroUrl, :heroAlt, :publishAt)
                """)
                .bind("id", article.id())
                .bind("version", article.version())
                .bind("change", change)
                .bind("savedAt", article.updatedAt().atOffset(ZoneOffset.UTC))
                .bind("status", article.status().wire())
                .bind("topic", content.topic())
                .bind("title", content.title())
                .bind("summary", content.summary())
                .bind("body", content.body())
                .bind("tags", content.tags().toArray(String[]::new));
        spec = nullable(spec, "savedBy", savedBy, String.class);
        spec = nullable(spec, "subtitle", content.subtitle(), String.class);
        spec = nullable(spec, "heroUrl", content.heroImage() == null ? null : content.heroImage().url(), String.class);
        spec = nullable(spec, "heroAlt", content.heroImage() == null ? null : content.heroImage().alt(), String.class);
        spec = nullable(spec, "publishAt", utc(article.publishAt()), OffsetDateTime.class);
        return spec.then();
    }

    /** Revisions newest first, starting below {@code beforeVersion} when given. */
    Flux<RevisionView> revisions(UUID articleId, Long beforeVersion, int limit) {
        String sql = "SELECT version, change, saved_by, saved_at, status, topic, title, subtitle, summary, body, tags,"
                + " hero_url, hero_alt, publish_at FROM article_revision WHERE article_id = :id"
                + (beforeVersion == null ? "" : " AND version < :before") + " ORDER BY version DESC LIMIT :limit";
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql).bind("id", articleId).bind("limit", limit);
        if (beforeVersion != null) {
            spec = spec.bind("before", beforeVersion);
        }
        return spec.map(row -> {
            String heroUrl = row.get("hero_url", String.class);
            return new RevisionView(row.get("version", Long.class), row.get("change", String.class),
                    row.get("saved_by", String.class), instant(row, "saved_at"), row.get("status", String.class),
                    row.get("topic", String.class), row.get("title", String.class), row.get("subtitle", String.class),
                    row.get("summary", String.class), row.get("body", String.class),
                    List.of(row.get("tags", String[].class)),
                    heroUrl == null ? null : new de.stadtportal.content.ImageBody(heroUrl, row.get("hero_alt", String.class)),
                    instant(row, "publish_at"));
        }).all();
    }

    /** Drafts whose {@code publishAt} has come, oldest first. */
    Flux<UUID> due(Instant now, int limit) {
        return database.sql("SELECT id FROM article WHERE status = 'draft' AND publish_at <= :now"
                        + " ORDER BY publish_at LIMIT :limit")
                .bind("now", now.atOffset(ZoneOffset.UTC)).bind("limit", limit)
                .map(row -> row.get("id", UUID.class))
                .all();
    }

    /** Locks a due draft for this transaction; empty when it is no longer due or another instance holds it. */
    Mono<Article> lockDue(UUID id, Instant now) {
        return database.sql("SELECT " + COLUMNS + " FROM article a WHERE a.id = :id AND a.status = 'draft'"
                        + " AND a.publish_at <= :now FOR UPDATE OF a SKIP LOCKED")
                .bind("id", id).bind("now", now.atOffset(ZoneOffset.UTC))
                .map(ArticleStore::found)
                .one()
                .map(Found::article);
    }

    /** When the next scheduled draft is due, if any. */
    Mono<Instant> nextDue() {
        return database.sql("SELECT min(publish_at) AS next FROM article WHERE status = 'draft' AND publish_at IS NOT NULL")
                .map(row -> java.util.Optional.ofNullable(row.get("next", OffsetDateTime.class)))
                .one()
                .flatMap(next -> Mono.justOrEmpty(next.map(OffsetDateTime::toInstant)));
    }

    Mono<Long> countScheduled() {
        return database.sql("SELECT count(*) AS n FROM article WHERE status = 'draft' AND publish_at IS NOT NULL")
                .map(row -> row.get("n", Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec, Article article) {
        Content content = article.content();
        spec = spec.bind("id", article.id())
                .bind("city", article.city())
                .bind("slug", article.slug())
                .bind("locale", article.locale())
                .bind("topic", content.topic())
                .bind("title", content.title())
                .bind("summary", content.summary())
                .bind("body", content.body())
                .bind("tags", content.tags().toArray(String[]::new))
                .bind("status", article.status().wire())
                .bind("announced", article.announced())
                .bind("version", article.version())
                .bind("createdAt", utc(article.createdAt()))
                .bind("updatedAt", utc(article.updatedAt()));
        spec = nullable(spec, "subtitle", content.subtitle(), String.class);
        spec = nullable(spec, "heroUrl", content.heroImage() == null ? null : content.heroImage().url(), String.class);
        spec = nullable(spec, "heroAlt", content.heroImage() == null ? null : content.heroImage().alt(), String.class);
        spec = nullable(spec, "publishAt", utc(article.publishAt()), OffsetDateTime.class);
        return nullable(spec, "publishedAt", utc(article.publishedAt()), OffsetDateTime.class);
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
            T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Found found(Readable row) {
        String heroUrl = row.get("hero_url", String.class);
        Content content = new Content(row.get("topic", String.class), row.get("title", String.class),
                row.get("subtitle", String.class), row.get("summary", String.class), row.get("body", String.class),
                List.of(row.get("tags", String[].class)),
                heroUrl == null ? null : new Image(heroUrl, row.get("hero_alt", String.class)));
        Article article = new Article(row.get("id", UUID.class), row.get("city", String.class),
                row.get("slug", String.class), row.get("locale", String.class), content,
                Status.ofWire(row.get("status", String.class)), instant(row, "publish_at"),
                instant(row, "published_at"), Boolean.TRUE.equals(row.get("announced", Boolean.class)),
                row.get("version", Long.class), instant(row, "created_at"), instant(row, "updated_at"));
        return new Found(article, List.of(row.get("translations", String[].class)));
    }
}
