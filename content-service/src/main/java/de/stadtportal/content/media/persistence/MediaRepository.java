package de.stadtportal.content.media.persistence;

import de.stadtportal.content.media.domain.Description;
import de.stadtportal.content.media.domain.FocalPoint;
import de.stadtportal.content.media.domain.Media;
import de.stadtportal.content.media.domain.MediaFormat;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code media} table. Updates and deletes name the version they replace. {@link #usages}
 * asks the tables of articles, cities and highlights which of their rows name an item, so the
 * library knows who uses an image without knowing those features in code.
 */
@Component
public class MediaRepository {

    private static final String COLUMNS = """
            SELECT id, city, sha256, format, width, height, size, alt, alt_en, caption, credit, licence, focal_x,
                focal_y, version, created_at, updated_at
            FROM media
            """;

    private static final String FIND = COLUMNS + "WHERE id = :id";

    private static final String FIND_ALL = COLUMNS + "WHERE id = ANY(:ids)";

    private static final String FIND_IN_CITY = COLUMNS + "WHERE city = :city AND sha256 = :sha256";

    /** A city's items, the newest first, after the keyset position of the previous page (both null: the first). */
    private static final String PAGE_OF_CITY = COLUMNS + """
            WHERE city = :city
              AND (created_at, id) < (COALESCE(CAST(:afterAt AS timestamptz), CAST('infinity' AS timestamptz)),
                   COALESCE(CAST(:afterId AS uuid), CAST('ffffffff-ffff-ffff-ffff-ffffffffffff' AS uuid)))
            ORDER BY created_at DESC, id DESC LIMIT :limit
            """;

    private static final String INSERT = """
            INSERT INTO media (id, city, sha256, format, width, height, size, alt, alt_en, caption, credit, licence,
                focal_x, focal_y, version, created_by, created_at, updated_at)
            VALUES (:id, :city, :sha256, :format, :width, :height, :size, :alt, :altEn, :caption, :credit, :licence,
                :focalX, :focalY, :version, :createdBy, :createdAt, :updatedAt)
            """;

    private static final String UPDATE = """
            UPDATE media SET alt = :alt, alt_en = :altEn, caption = :caption, credit = :credit, licence = :licence,
                focal_x = :focalX, focal_y = :focalY, version = :version, updated_at = :updatedAt
            WHERE id = :id AND version = :version - 1
            """;

    private static final String DELETE = "DELETE FROM media WHERE id = :id AND version = :version";

    /** Who shows the item, named so an editor finds it: article city/slug (locale), city, highlight city #n. */
    private static final String USAGES = """
            SELECT 'article ' || city || '/' || slug || ' (' || locale || ')' AS usage FROM article
            WHERE hero_media_id = :id
            UNION ALL SELECT 'city ' || slug FROM city WHERE hero_media_id = :id
            UNION ALL SELECT 'highlight ' || city || ' #' || position FROM highlight WHERE image_media_id = :id
            ORDER BY usage
            """;

    private static final String CITY_EXISTS = "SELECT 1 FROM city WHERE slug = :city";

    private final DatabaseClient database;

    MediaRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Whether the city exists; read from its table, as the city feature itself names media items. */
    public Mono<Boolean> cityExists(String city) {
        return database.sql(CITY_EXISTS).bind("city", city).map(row -> true).one().defaultIfEmpty(false);
    }

    public Mono<Media> find(UUID id) {
        return database.sql(FIND).bind("id", id).map(MediaRepository::media).one();
    }

    public Flux<Media> findAll(Collection<UUID> ids) {
        return database.sql(FIND_ALL).bind("ids", ids.toArray(UUID[]::new)).map(MediaRepository::media).all();
    }

    /** The city's item made of these bytes, if it has one. */
    public Mono<Media> findInCity(String city, String sha256) {
        return database.sql(FIND_IN_CITY).bind("city", city).bind("sha256", sha256).map(MediaRepository::media).one();
    }

    /** Up to {@code limit} of the city's items after {@code afterAt}/{@code afterId} (null: from the newest). */
    public Flux<Media> pageOfCity(String city, Instant afterAt, UUID afterId, int limit) {
        GenericExecuteSpec spec = database.sql(PAGE_OF_CITY).bind("city", city).bind("limit", limit);
        spec = afterAt == null ? spec.bindNull("afterAt", OffsetDateTime.class) : spec.bind("afterAt", utc(afterAt));
        spec = afterId == null ? spec.bindNull("afterId", UUID.class) : spec.bind("afterId", afterId);
        return spec.map(MediaRepository::media).all();
    }

    public Mono<Void> insert(Media media, String createdBy) {
        GenericExecuteSpec spec = described(database.sql(INSERT), media)
                .bind("city", media.city()).bind("sha256", media.sha256()).bind("format", media.format().wire())
                .bind("width", media.width()).bind("height", media.height()).bind("size", media.size())
                .bind("createdAt", utc(media.createdAt()));
        spec = createdBy == null ? spec.bindNull("createdBy", String.class) : spec.bind("createdBy", createdBy);
        return spec.then();
    }

    /** Stores the next description; false when the row is no longer at the version it was read at. */
    public Mono<Boolean> update(Media media) {
        return described(database.sql(UPDATE), media).fetch().rowsUpdated().map(count -> count == 1);
    }

    /** Deletes the item if it is still at the version read. */
    public Mono<Boolean> delete(Media media) {
        return database.sql(DELETE).bind("id", media.id()).bind("version", media.version())
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    public Flux<String> usages(UUID id) {
        return database.sql(USAGES).bind("id", id).map(row -> row.get("usage", String.class)).all();
    }

    private static GenericExecuteSpec described(GenericExecuteSpec spec, Media media) {
        Description text = media.description();
        spec = spec.bind("id", media.id()).bind("alt", text.alt())
                .bind("focalX", text.focalPoint().x()).bind("focalY", text.focalPoint().y())
                .bind("version", media.version()).bind("updatedAt", utc(media.updatedAt()));
        spec = nullable(spec, "altEn", text.altEn());
        spec = nullable(spec, "caption", text.caption());
        spec = nullable(spec, "credit", text.credit());
        return nullable(spec, "licence", text.licence());
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Media media(Readable row) {
        Description description = new Description(row.get("alt", String.class), row.get("alt_en", String.class),
                row.get("caption", String.class), row.get("credit", String.class), row.get("licence", String.class),
                new FocalPoint(row.get("focal_x", Double.class), row.get("focal_y", Double.class)));
        return new Media(row.get("id", UUID.class), row.get("city", String.class), row.get("sha256", String.class),
                MediaFormat.ofWire(row.get("format", String.class)).orElseThrow(),
                row.get("width", Integer.class), row.get("height", Integer.class), row.get("size", Integer.class),
                description, row.get("version", Long.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }
}
