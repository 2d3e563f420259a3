package de.stadtportal.events.venue;

import de.stadtportal.contracts.Address;
import de.stadtportal.contracts.Geo;
import de.stadtportal.events.venue.domain.Venue;
import de.stadtportal.events.venue.domain.VenueDetails;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Venues in PostgreSQL. The event queries join the same columns, read with {@link #map(Readable, String)}. */
@Component
public class VenueRepository {

    /** The venue columns for a join, each prefixed with {@code v_}. */
    public static final String JOINED_COLUMNS = """
            v.id AS v_id, v.city AS v_city, v.name AS v_name, v.street AS v_street, v.postal_code AS v_postal_code,
            v.locality AS v_locality, v.lat AS v_lat, v.lon AS v_lon, v.accessibility AS v_accessibility,
            v.url AS v_url, v.version AS v_version, v.created_at AS v_created_at, v.updated_at AS v_updated_at""";

    private final DatabaseClient database;

    VenueRepository(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Venue> find(UUID id) {
        return database.sql("SELECT " + JOINED_COLUMNS + " FROM venue v WHERE v.id = :id")
                .bind("id", id)
                .map(row -> map(row, "v_"))
                .one();
    }

    /**
     * The venue as committed, locked against change and removal until the caller's transaction
     * ends: an event written for it can rely on it being there, in the same city, as it commits.
     */
    public Mono<Venue> findForEvent(UUID id) {
        return database.sql("SELECT " + JOINED_COLUMNS + " FROM venue v WHERE v.id = :id FOR SHARE")
                .bind("id", id)
                .map(row -> map(row, "v_"))
                .one();
    }

    /** The venue locked for the caller's transaction, so that no event can be written for it meanwhile. */
    Mono<Venue> lock(UUID id) {
        return database.sql("SELECT " + JOINED_COLUMNS + " FROM venue v WHERE v.id = :id FOR UPDATE")
                .bind("id", id)
                .map(row -> map(row, "v_"))
                .one();
    }

    Flux<Venue> list(String city, String afterName, UUID afterId, int limit) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("SELECT " + JOINED_COLUMNS + " FROM venue v"
                        + " WHERE (CAST(:city AS TEXT) IS NULL OR v.city = :city)"
                        + (afterId == null ? "" : " AND (v.name, v.id) > (:afterName, :afterId)")
                        + " ORDER BY v.name, v.id LIMIT :limit")
                .bind("limit", limit);
        spec = city == null ? spec.bindNull("city", String.class) : spec.bind("city", city);
        if (afterId != null) {
            spec = spec.bind("afterName", afterName).bind("afterId", afterId);
        }
        return spec.map(row -> map(row, "v_")).all();
    }

    Mono<Void> insert(Venue venue) {
        VenueDetails d = venue.details();
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                INSERT INTO venue (id, city, name, street, postal_code, locality, lat, lon, accessibility, url,
                                   version, created_at, updated_at)
                VALUES (:id, :city, :name, :street, :postalCode, :locality, :lat, :lon, :accessibility, :url,
                        :version, :createdAt, :updatedAt)
                """);
        return bindDetails(spec, d)
                .bind("id", venue.id())
                .bind("version", venue.version())
                .bind("createdAt", venue.createdAt().atOffset(ZoneOffset.UTC))
                .bind("updatedAt", venue.updatedAt().atOffset(ZoneOffset.UTC))
                .then();
    }

    /** Writes the new version only over the one it was made from; false when someone was faster. */
    Mono<Boolean> update(Venue venue) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                UPDATE venue SET city = :city, name = :name, street = :street, postal_code = :postalCode,
                    locality = :locality, lat = :lat, lon = :lon, accessibility = :accessibility, url = :url,
                    version = :version, updated_at = :updatedAt
                WHERE id = :id AND version = :previous
                """);
        return bindDetails(spec, venue.details())
                .bind("id", venue.id())
                .bind("version", venue.version())
                .bind("previous", venue.version() - 1)
                .bind("updatedAt", venue.updatedAt().atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated()
                .map(count -> count == 1);
    }

    Mono<Boolean> delete(UUID id, long version) {
        return database.sql("DELETE FROM venue WHERE id = :id AND version = :version")
                .bind("id", id)
                .bind("version", version)
                .fetch().rowsUpdated()
                .map(count -> count == 1);
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
