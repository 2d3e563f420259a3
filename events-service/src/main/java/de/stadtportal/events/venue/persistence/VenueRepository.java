package de.stadtportal.events.venue.persistence;

import de.stadtportal.events.venue.domain.Address;
import de.stadtportal.kernel.Geo;
import de.stadtportal.events.venue.domain.Venue;
import de.stadtportal.events.venue.domain.VenueDetails;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Venues in PostgreSQL. The event queries join the same columns, read with {@link #map(Readable, String)}. */
@Repository
public class VenueRepository {

    /** The venue columns for a join, each prefixed with {@code v_}. */
    public static final String JOINED_COLUMNS = """
            v.id AS v_id, v.city AS v_city, v.name AS v_name, v.street AS v_street, v.postal_code AS v_postal_code,
            v.locality AS v_locality, v.lat AS v_lat, v.lon AS v_lon, v.accessibility AS v_accessibility,
            v.url AS v_url, v.version AS v_version, v.created_at AS v_created_at, v.updated_at AS v_updated_at""";

    private static final String FIND = "SELECT " + JOINED_COLUMNS + " FROM venue v WHERE v.id = :id";
    /**
     * What an event write needs of its place, in one round trip: whether the city is known, the
     * venue's city as the statement's snapshot has it (before any wait for a lock), and the venue as
     * committed once it is locked ({@code FOR SHARE} waits for a change or removal in progress and
     * then reads the newest version, or nothing). A sub-select with its own locking clause may stand
     * on the nullable side of the outer join, so an unknown venue still gives the one row.
     */
    private static final String PLACE_FOR_EVENT = """
            SELECT EXISTS (SELECT 1 FROM known_city WHERE slug = :city) AS city_known, seen.city AS seen_city, held.*
              FROM (SELECT 1) AS one
              LEFT JOIN (SELECT city FROM venue WHERE id = :id) AS seen ON true
              LEFT JOIN (""" + FIND + " FOR SHARE) AS held ON true";
    /** What an event write needs of its place, as committed when the statement began, and nothing locked. */
    private static final String PLACE_SEEN = """
            SELECT EXISTS (SELECT 1 FROM known_city WHERE slug = :city) AS city_known, seen.v_city AS seen_city, seen.*
              FROM (SELECT 1) AS one
              LEFT JOIN (""" + FIND + ") AS seen ON true";
    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";
    /** A page by name; the city and the position after which it starts are ignored when NULL. */
    private static final String LIST = "SELECT " + JOINED_COLUMNS + """
             FROM venue v
            WHERE (CAST(:city AS TEXT) IS NULL OR v.city = :city)
              AND (CAST(:afterId AS UUID) IS NULL OR (v.name, v.id) > (:afterName, :afterId))
            ORDER BY v.name, v.id
            LIMIT :limit
            """;
    private static final String INSERT = """
            INSERT INTO venue (id, city, name, street, postal_code, locality, lat, lon, accessibility, url,
                               version, created_at, updated_at)
            VALUES (:id, :city, :name, :street, :postalCode, :locality, :lat, :lon, :accessibility, :url,
                    :version, :createdAt, :updatedAt)
            """;
    private static final String UPDATE = """
            UPDATE venue SET city = :city, name = :name, street = :street, postal_code = :postalCode,
                locality = :locality, lat = :lat, lon = :lon, accessibility = :accessibility, url = :url,
                version = :version, updated_at = :updatedAt
            WHERE id = :id AND version = :previous
            """;
    private static final String DELETE = "DELETE FROM venue WHERE id = :id AND version = :version";

    private final DatabaseClient database;

    VenueRepository(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Venue> find(UUID id) {
        return one(FIND, id);
    }

    /**
     * The place of an event about to be written: whether {@code city} is known, the city the venue
     * was in as the statement began ({@code seenCity}, null when there was no such venue), and the
     * venue as committed ({@code held}, null when it is gone), locked against change and removal
     * until the caller's transaction ends, so that an event written for it can rely on it being
     * there, in the same city, as it commits.
     */
    public Mono<Place> placeForEvent(UUID id, String city) {
        return place(PLACE_FOR_EVENT, id, city);
    }

    /**
     * The place of an event about to be written, as {@link #placeForEvent} finds it but locking
     * nothing: the venue as committed when the statement began ({@code held} is what was seen). A
     * write that relies on it must check that the venue is still in that version as it writes.
     */
    public Mono<Place> seePlaceForEvent(UUID id, String city) {
        return place(PLACE_SEEN, id, city);
    }

    private Mono<Place> place(String sql, UUID id, String city) {
        return database.sql(sql).bind("id", id).bind("city", city)
                .map(row -> new Place(Boolean.TRUE.equals(row.get("city_known", Boolean.class)),
                        row.get("seen_city", String.class),
                        row.get("v_id", UUID.class) == null ? null : map(row, "v_")))
                .one();
    }

    /** What {@link #placeForEvent} found: the city known or not, the venue's city before, the venue held. */
    public record Place(boolean cityKnown, String seenCity, Venue held) {
    }

    /** The venue locked for the caller's transaction, so that no event can be written for it meanwhile. */
    public Mono<Venue> lock(UUID id) {
        return one(FIND_FOR_UPDATE, id);
    }

    public Flux<Venue> list(String city, String afterName, UUID afterId, int limit) {
        DatabaseClient.GenericExecuteSpec spec = database.sql(LIST).bind("limit", limit);
        spec = city == null ? spec.bindNull("city", String.class) : spec.bind("city", city);
        spec = afterName == null ? spec.bindNull("afterName", String.class) : spec.bind("afterName", afterName);
        spec = afterId == null ? spec.bindNull("afterId", UUID.class) : spec.bind("afterId", afterId);
        return spec.map(row -> map(row, "v_")).all();
    }

    public Mono<Void> insert(Venue venue) {
        return bindDetails(database.sql(INSERT), venue.details())
                .bind("id", venue.id())
                .bind("version", venue.version())
                .bind("createdAt", venue.createdAt().atOffset(ZoneOffset.UTC))
                .bind("updatedAt", venue.updatedAt().atOffset(ZoneOffset.UTC))
                .then();
    }

    /** Writes the new version only over the one it was made from; false when someone was faster. */
    public Mono<Boolean> update(Venue venue) {
        return bindDetails(database.sql(UPDATE), venue.details())
                .bind("id", venue.id())
                .bind("version", venue.version())
                .bind("previous", venue.version() - 1)
                .bind("updatedAt", venue.updatedAt().atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated()
                .map(count -> count == 1);
    }

    public Mono<Boolean> delete(UUID id, long version) {
        return database.sql(DELETE)
                .bind("id", id)
                .bind("version", version)
                .fetch().rowsUpdated()
                .map(count -> count == 1);
    }

    private Mono<Venue> one(String statement, UUID id) {
        return database.sql(statement).bind("id", id).map(row -> map(row, "v_")).one();
    }

    private static DatabaseClient.GenericExecuteSpec bindDetails(DatabaseClient.GenericExecuteSpec spec, VenueDetails d) {
        spec = spec.bind("city", d.city())
                .bind("name", d.name())
                .bind("street", d.address().street())
                .bind("postalCode", d.address().postalCode())
                .bind("locality", d.address().locality())
                .bind("lat", d.geo().lat())
                .bind("lon", d.geo().lon())
                .bind("accessibility", d.accessibility().toArray(String[]::new));
        return d.url() == null ? spec.bindNull("url", String.class) : spec.bind("url", d.url());
    }

    public static Venue map(Readable row, String prefix) {
        String[] accessibility = row.get(prefix + "accessibility", String[].class);
        VenueDetails details = new VenueDetails(
                row.get(prefix + "city", String.class),
                row.get(prefix + "name", String.class),
                new Address(row.get(prefix + "street", String.class), row.get(prefix + "postal_code", String.class),
                        row.get(prefix + "locality", String.class)),
                new Geo(row.get(prefix + "lat", Double.class), row.get(prefix + "lon", Double.class)),
                accessibility == null ? List.of() : List.of(accessibility),
                row.get(prefix + "url", String.class));
        return new Venue(row.get(prefix + "id", UUID.class), details, row.get(prefix + "version", Long.class),
                row.get(prefix + "created_at", OffsetDateTime.class).toInstant(),
                row.get(prefix + "updated_at", OffsetDateTime.class).toInstant());
    }
}
