package de.stadtportal.content.highlight.persistence;

import de.stadtportal.content.highlight.domain.Highlight;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The carousels: {@code highlight_set} holds each city's version, {@code highlight} its teasers in
 * order. A replacement deletes and inserts the teasers after it advanced the version, in the
 * caller's transaction.
 */
@Component
public class HighlightRepository {

    private static final String VERSION = "SELECT version FROM highlight_set WHERE city = :city";

    private static final String HIGHLIGHTS = """
            SELECT title, link_kind, link_target, image_url, image_alt, image_media_id, valid_from, valid_until
            FROM highlight WHERE city = :city ORDER BY position
            """;

    private static final String FIRST_VERSION = """
            INSERT INTO highlight_set (city, version, updated_at) VALUES (:city, 1, now())
            ON CONFLICT (city) DO NOTHING
            """;

    private static final String NEXT_VERSION = """
            UPDATE highlight_set SET version = version + 1, updated_at = now()
            WHERE city = :city AND version = :version
            """;

    private static final String DELETE_ALL = "DELETE FROM highlight WHERE city = :city";

    private static final String INSERT = """
            INSERT INTO highlight (city, position, title, link_kind, link_target, image_url, image_alt,
                image_media_id, valid_from, valid_until)
            VALUES (:city, :position, :title, :kind, :target, :imageUrl, :imageAlt, :imageMediaId, :validFrom,
                :validUntil)
            """;

    private final DatabaseClient database;

    HighlightRepository(DatabaseClient database) {
        this.database = database;
    }

    /** The version of the city's carousel; 0 before its first replacement. */
    public Mono<Long> version(String city) {
        return database.sql(VERSION).bind("city", city).map(row -> row.get("version", Long.class)).one()
                .defaultIfEmpty(0L);
    }

    public Flux<Highlight> highlights(String city) {
        return database.sql(HIGHLIGHTS).bind("city", city).map(HighlightRepository::highlight).all();
    }

    /** Moves the carousel on from {@code read} (0: none yet); false when someone else moved it first. */
    public Mono<Boolean> advanceVersion(String city, long read) {
        DatabaseClient.GenericExecuteSpec spec = read == 0
                ? database.sql(FIRST_VERSION).bind("city", city)
                : database.sql(NEXT_VERSION).bind("city", city).bind("version", read);
        return spec.fetch().rowsUpdated().map(updated -> updated == 1);
    }

    /** Replaces the teasers of the city with these, in this order (positions from 1). */
    public Mono<Void> replaceAll(String city, List<Highlight> next) {
        return database.sql(DELETE_ALL).bind("city", city).then()
                .thenMany(Flux.range(0, next.size()).concatMap(i -> insert(city, i + 1, next.get(i))))
                .then();
    }

    private Mono<Void> insert(String city, int position, Highlight highlight) {
        DatabaseClient.GenericExecuteSpec spec = database.sql(INSERT)
                .bind("city", city).bind("position", position).bind("title", highlight.title())
                .bind("kind", highlight.link().kind().name().toLowerCase(Locale.ROOT))
                .bind("target", highlight.link().target());
        spec = text(spec, "imageUrl", highlight.imageUrl());
        spec = text(spec, "imageAlt", highlight.imageAlt());
        spec = highlight.imageMediaId() == null ? spec.bindNull("imageMediaId", UUID.class)
                : spec.bind("imageMediaId", highlight.imageMediaId());
        spec = time(spec, "validFrom", highlight.validFrom());
        return time(spec, "validUntil", highlight.validUntil()).then();
    }

    private static DatabaseClient.GenericExecuteSpec text(DatabaseClient.GenericExecuteSpec spec, String name,
            String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static DatabaseClient.GenericExecuteSpec time(DatabaseClient.GenericExecuteSpec spec, String name,
            Instant value) {
        return value == null ? spec.bindNull(name, OffsetDateTime.class) : spec.bind(name, value.atOffset(ZoneOffset.UTC));
    }

    private static Highlight highlight(Readable row) {
        return new Highlight(row.get("title", String.class),
                new Highlight.Link(Highlight.Kind.valueOf(row.get("link_kind", String.class).toUpperCase(Locale.ROOT)),
                        row.get("link_target", String.class)),
                row.get("image_url", String.class), row.get("image_alt", String.class),
                instant(row, "valid_from"), instant(row, "valid_until"), row.get("image_media_id", UUID.class));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
