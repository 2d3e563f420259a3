package de.stadtportal.content.article.persistence;

import de.stadtportal.content.article.domain.Article;
import de.stadtportal.content.article.domain.Content;
import de.stadtportal.content.article.domain.Revision;
import de.stadtportal.content.article.domain.Status;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code article_revision} table: every saved state of an article, removed with the article. A
 * revision is written by the statement that writes the article ({@link ArticleRepository}).
 */
@Component
public class RevisionRepository {

    /** Newest first; below {@code before} when a cursor gave one, otherwise from the newest. */
    private static final String NEWEST_FIRST = """
            SELECT version, change, saved_by, saved_at, status, topic, title, subtitle, summary, body, tags,
                hero_url, hero_alt, hero_media_id, publish_at
            FROM article_revision
            WHERE article_id = :id AND version < COALESCE(CAST(:before AS bigint), 9223372036854775807)
            ORDER BY version DESC LIMIT :limit
            """;

    private final DatabaseClient database;

    RevisionRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Up to {@code limit} revisions newest first, starting below {@code beforeVersion} when given. */
    public Flux<Revision> newestFirst(UUID articleId, Long beforeVersion, int limit) {
        return Binds.nullable(database.sql(NEWEST_FIRST), "before", beforeVersion, Long.class)
                .bind("id", articleId).bind("limit", limit)
                .map(RevisionRepository::revision).all();
    }

    private static Revision revision(Readable row) {
        Content content = new Content(row.get("topic", String.class), row.get("title", String.class),
                row.get("subtitle", String.class), row.get("summary", String.class), row.get("body", String.class),
                List.of(row.get("tags", String[].class)), Binds.heroImage(row));
        return new Revision(row.get("version", Long.class), row.get("change", String.class),
                row.get("saved_by", String.class), Binds.instant(row, "saved_at"),
                Status.ofWire(row.get("status", String.class)), content, Binds.instant(row, "publish_at"));
    }
}
