package de.stadtportal.content.article.persistence;

import de.stadtportal.content.article.domain.Article;
import de.stadtportal.content.article.domain.Content;
import de.stadtportal.content.article.domain.Status;
import de.stadtportal.content.article.domain.TranslatedArticle;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code article} table, read and written by named statements. Updates name the version they
 * replace and report whether the row was still at it, which is how concurrent edits are detected
 * without holding locks across a request. Optional filters are null-tolerant predicates; the list
 * position is a keyset bound that an absent cursor widens to "from the top", so it stays an index
 * condition whatever plan the server caches for the statement.
 */
@Component
public class ArticleRepository {

    /** Every column of an article {@code a} and the other locales it is published in. */
    private static final String COLUMNS = """
            a.id, a.city, a.slug, a.locale, a.topic, a.title, a.subtitle, a.summary, a.body, a.tags, a.hero_url,
                a.hero_alt, a.hero_media_id, a.status, a.publish_at, a.published_at, a.announced, a.version, a.created_at, a.updated_at,
                ARRAY(SELECT t.locale FROM article t WHERE t.city = a.city AND t.slug = a.slug AND t.id <> a.id
                      AND t.status = 'published' ORDER BY t.locale) AS translations
            """;

    private static final String ARTICLE = "SELECT " + COLUMNS + "FROM article a\n";

    /** The revision of the row just written ({@code written}), saved by {@code :savedBy} as {@code :change}. */
    private static final String REVISION = """
            revision AS (
                INSERT INTO article_revision (article_id, version, change, saved_by, saved_at, status, topic, title,
                    subtitle, summary, body, tags, hero_url, hero_alt, hero_media_id, publish_at)
                SELECT id, version, :change, :savedBy, updated_at, status, topic, title, subtitle, summary, body, tags,
                    hero_url, hero_alt, hero_media_id, publish_at
                FROM written
            )
            """;

    private static final String FIND = ARTICLE + """
            WHERE a.city = :city AND a.slug = :slug AND a.locale = :locale
            """;

    private static final String EXISTS = "SELECT 1 FROM article WHERE city = :city AND slug = :slug LIMIT 1";

    private static final String READABLE = """
            SELECT slug, bool_or(status = 'published' AND locale = :locale) AS readable FROM article
            WHERE city = :city AND slug = ANY(:slugs) GROUP BY slug
            """;

    private static final String SLUGS_LIKE = """
            SELECT DISTINCT slug FROM article WHERE city = :city AND (slug = :base OR slug LIKE :prefix)
            """;

    /**
     * Public articles newest first, in the requested locale where it is published and in the fallback
     * locale otherwise; topic and tag filter when given, the keyset bound starts after the cursor.
     */
    static final String PUBLISHED = ARTICLE + """
            WHERE a.city = :city AND a.status = 'published'
              AND (a.locale = :locale OR (a.locale = :fallback AND NOT EXISTS (SELECT 1 FROM article t
                   WHERE t.city = a.city AND t.slug = a.slug AND t.locale = :locale AND t.status = 'published')))
              AND (CAST(:topic AS text) IS NULL OR a.topic = :topic)
              AND (CAST(:tag AS text) IS NULL OR :tag = ANY(a.tags))
              AND (a.published_at, a.id) < (COALESCE(CAST(:afterAt AS timestamptz), CAST('infinity' AS timestamptz)),
                   COALESCE(CAST(:afterId AS uuid), CAST('ffffffff-ffff-ffff-ffff-ffffffffffff' AS uuid)))
            ORDER BY a.published_at DESC, a.id DESC LIMIT :limit
            """;

    /** A city's drafts, the most recently changed first, in one locale or (locale null) in all. */
    static final String DRAFTS = ARTICLE + """
            WHERE a.city = :city AND a.status = 'draft'
              AND (CAST(:locale AS text) IS NULL OR a.locale = :locale)
              AND (CAST(:topic AS text) IS NULL OR a.topic = :topic)
              AND (CAST(:tag AS text) IS NULL OR :tag = ANY(a.tags))
              AND (a.updated_at, a.id) < (COALESCE(CAST(:afterAt AS timestamptz), CAST('infinity' AS timestamptz)),
                   COALESCE(CAST(:afterId AS uuid), CAST('ffffffff-ffff-ffff-ffff-ffffffffffff' AS uuid)))
            ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit
            """;

    /**
     * A new article and its first revision in one statement, answering the row as stored with its
     * translations (the revision's foreign key is checked at the end of the statement, when the row is there).
     */
    private static final String INSERT = """
            WITH written AS (
                INSERT INTO article (id, city, slug, locale, topic, title, subtitle, summary, body, tags, hero_url,
                    hero_alt, hero_media_id, status, publish_at, published_at, announced, version, created_at, updated_at)
                VALUES (:id, :city, :slug, :locale, :topic, :title, :subtitle, :summary, :body, :tags, :heroUrl,
                    :heroAlt, :heroMediaId, :status, :publishAt, :publishedAt, :announced, :version, :createdAt,
                    :updatedAt)
                RETURNING *
            ),
            """ + REVISION + "SELECT " + COLUMNS + "FROM written a\n";

    /**
     * The next state over the version it was made from, and its revision, in one statement; answers the
     * row as stored with its translations, or nothing when the row is no longer at that version.
     */
    private static final String UPDATE = """
            WITH written AS (
                UPDATE article SET topic = :topic, title = :title, subtitle = :subtitle, summary = :summary,
                    body = :body, tags = :tags, hero_url = :heroUrl, hero_alt = :heroAlt,
                    hero_media_id = :heroMediaId, status = :status,
                    publish_at = :publishAt, published_at = :publishedAt, announced = :announced,
                    version = :version, created_at = :createdAt, updated_at = :updatedAt
                WHERE id = :id AND version = :version - 1 AND city = :city AND slug = :slug AND locale = :locale
                RETURNING *
            ),
            """ + REVISION + "SELECT " + COLUMNS + "FROM written a\n";

    private static final String DELETE = "DELETE FROM article WHERE id = :id AND version = :version";

    private static final String DUE = """
            SELECT id FROM article WHERE status = 'draft' AND publish_at <= :now ORDER BY publish_at LIMIT :limit
            """;

    private static final String LOCK_DUE = ARTICLE + """
            WHERE a.id = :id AND a.status = 'draft' AND a.publish_at <= :now FOR UPDATE OF a SKIP LOCKED
            """;

    private static final String NEXT_DUE = """
            SELECT min(publish_at) AS next FROM article WHERE status = 'draft' AND publish_at IS NOT NULL
            """;

    private static final String COUNT_SCHEDULED = """
            SELECT count(*) AS n FROM article WHERE status = 'draft' AND publish_at IS NOT NULL
            """;

    private final DatabaseClient database;

    ArticleRepository(DatabaseClient database) {
        this.database = database;
    }

    public Mono<TranslatedArticle> find(String city, String slug, String locale) {
        return database.sql(FIND).bind("city", city).bind("slug", slug).bind("locale", locale)
                .map(ArticleRepository::translated).one();
    }

    /** Whether the city has an article with this slug, in any state or locale. */
    public Mono<Boolean> exists(String city, String slug) {
        return database.sql(EXISTS).bind("city", city).bind("slug", slug)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    /**
     * For each of the slugs that names an article of the city (in any locale): whether it is
     * published in {@code locale}, the one {@code /api/cities/{city}/articles/{slug}} serves by default.
     */
    public Mono<Map<String, Boolean>> readable(String city, Collection<String> slugs, String locale) {
        if (slugs.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql(READABLE)
                .bind("city", city).bind("slugs", slugs.toArray(String[]::new)).bind("locale", locale)
                .map(row -> Map.entry(row.get("slug", String.class), Boolean.TRUE.equals(row.get("readable", Boolean.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Slugs in use in a city that a derived slug could collide with: the base and its numbered variants. */
    public Flux<String> slugsLike(String city, String base) {
        return database.sql(SLUGS_LIKE).bind("city", city).bind("base", base).bind("prefix", base + "-%")
                .map(row -> row.get("slug", String.class)).all();
    }

    /**
     * Public articles newest first (see {@link #PUBLISHED}); {@code topic}, {@code tag} and the
     * position after which to continue ({@code afterAt}, {@code afterId}) may each be null.
     */
    public Flux<TranslatedArticle> published(String city, String locale, String fallback, String topic, String tag,
            Instant afterAt, UUID afterId, int limit) {
        DatabaseClient.GenericExecuteSpec spec = database.sql(PUBLISHED)
                .bind("city", city).bind("locale", locale).bind("fallback", fallback).bind("limit", limit);
        return Binds.filters(spec, topic, tag, afterAt, afterId).map(ArticleRepository::translated).all();
    }

    /** A city's drafts, scheduled ones among them (see {@link #DRAFTS}); every argument but city and limit may be null. */
    public Flux<TranslatedArticle> drafts(String city, String locale, String topic, String tag, Instant afterAt,
            UUID afterId, int limit) {
        DatabaseClient.GenericExecuteSpec spec = Binds.nullable(database.sql(DRAFTS), "locale", locale, String.class)
                .bind("city", city).bind("limit", limit);
        return Binds.filters(spec, topic, tag, afterAt, afterId).map(ArticleRepository::translated).all();
    }

    /** Stores a new article with its first revision; answers it as stored. */
    public Mono<TranslatedArticle> insert(Article article, String change, String savedBy) {
        return revised(Binds.article(database.sql(INSERT), article), change, savedBy)
                .map(ArticleRepository::translated).one();
    }

    /**
     * Stores the next state with its revision; answers it as stored, or nothing when the row is no
     * longer at the version before it.
     */
    public Mono<TranslatedArticle> update(Article article, String change, String savedBy) {
        return revised(Binds.article(database.sql(UPDATE), article), change, savedBy)
                .map(ArticleRepository::translated).one();
    }

    private static DatabaseClient.GenericExecuteSpec revised(DatabaseClient.GenericExecuteSpec spec, String change,
            String savedBy) {
        return Binds.nullable(spec.bind("change", change), "savedBy", savedBy, String.class);
    }

    /** Removes the article and its revisions; false when it changed since it was read. */
    public Mono<Boolean> delete(Article current) {
        return database.sql(DELETE).bind("id", current.id()).bind("version", current.version())
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    /** Drafts whose {@code publishAt} has come, oldest first. */
    public Flux<UUID> due(Instant now, int limit) {
        return database.sql(DUE).bind("now", Binds.utc(now)).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    /** Locks a due draft for this transaction; empty when it is no longer due or another instance holds it. */
    public Mono<Article> lockDue(UUID id, Instant now) {
        return database.sql(LOCK_DUE).bind("id", id).bind("now", Binds.utc(now))
                .map(ArticleRepository::translated).one()
                .map(TranslatedArticle::article);
    }

    /** When the next scheduled draft is due, if any. */
    public Mono<Instant> nextDue() {
        return database.sql(NEXT_DUE)
                .map(row -> java.util.Optional.ofNullable(row.get("next", OffsetDateTime.class)))
                .one()
                .flatMap(next -> Mono.justOrEmpty(next.map(OffsetDateTime::toInstant)));
    }

    public Mono<Long> countScheduled() {
        return database.sql(COUNT_SCHEDULED).map(row -> row.get("n", Long.class)).one();
    }

    private static TranslatedArticle translated(Readable row) {
        Content content = new Content(row.get("topic", String.class), row.get("title", String.class),
                row.get("subtitle", String.class), row.get("summary", String.class), row.get("body", String.class),
                List.of(row.get("tags", String[].class)), Binds.heroImage(row));
        Article article = new Article(row.get("id", UUID.class), row.get("city", String.class),
                row.get("slug", String.class), row.get("locale", String.class), content,
                Status.ofWire(row.get("status", String.class)), Binds.instant(row, "publish_at"),
                Binds.instant(row, "published_at"), Boolean.TRUE.equals(row.get("announced", Boolean.class)),
                row.get("version", Long.class), Binds.instant(row, "created_at"), Binds.instant(row, "updated_at"));
        return new TranslatedArticle(article, List.of(row.get("translations", String[].class)));
    }
}
