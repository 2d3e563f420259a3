package de.stadtportal.events.event;

import de.stadtportal.contracts.Image;
import de.stadtportal.contracts.Price;
import de.stadtportal.events.event.domain.Event;
import de.stadtportal.events.event.domain.EventDetails;
import de.stadtportal.events.event.domain.EventStatus;
import de.stadtportal.events.event.domain.Recurrence;
import de.stadtportal.events.venue.VenueRepository;
import de.stadtportal.events.venue.domain.Venue;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Events in PostgreSQL, always read together with their venue. {@code series_end} (the end of the
 * last occurrence, NULL for series without end) lets a GiST index on the event's time span pick the
 * candidates of a window; the exact occurrences are expanded afterwards by the domain.
 */
@Component
class EventRepository {

    private static final String SELECT = "SELECT e.*, " + VenueRepository.JOINED_COLUMNS;

    private final DatabaseClient database;

    EventRepository(DatabaseClient database) {
        this.database = database;
    }

    /** An event with its venue and, for radius queries, the distance from the point asked about. */
    record Stored(Event event, Venue venue, Double distanceKm) {
    }

    Mono<Stored> find(UUID id) {
        return database.sql(SELECT + " FROM event e JOIN venue v ON v.id = e.venue_id WHERE e.id = :id")
                .bind("id", id)
                .map(row -> new Stored(map(row), VenueRepository.map(row, "v_"), null))
                .one();
    }

    /**
     * The events at a venue as committed, locked for the caller's transaction: a concurrent change
     * of one of them waits for it, or it for the change, and each then sees the other's version.
     */
    Flux<Event> atVenueForUpdate(UUID venueId) {
        return database.sql("SELECT e.* FROM event e WHERE e.venue_id = :venue ORDER BY e.id FOR UPDATE")
                .bind("venue", venueId)
                .map(EventRepository::map)
                .all();
    }

    Mono<Boolean> existAtVenue(UUID venueId) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM event WHERE venue_id = :venue) AS used")
                .bind("venue", venueId)
                .map(row -> row.get("used", Boolean.class))
                .one();
    }

    /**
     * The events that may have an occurrence in {@code [from, to)} and match the filters. The radius
     * test runs on the GiST index ({@code earth_box}) and is then made exact with {@code earth_distance}.
     */
    Flux<Stored> candidates(OccurrenceQuery query, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder(SELECT);
        if (query.near() != null) {
            sql.append(", earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(v.lat, v.lon)) AS distance_m");
        }
        sql.append(" FROM event e JOIN venue v ON v.id = e.venue_id")
                .append(" WHERE tstzrange(e.start_at, e.series_end, '[]') && tstzrange(:from, :to, '[)')");
        if (query.city() != null) {
            sql.append(" AND e.city = :city");
        }
        if (query.category() != null) {
            sql.append(" AND e.category = :category");
        }
        if (query.venue() != null) {
            sql.append(" AND e.venue_id = :venue");
        }
        if (query.free() != null) {
            sql.append(" AND e.price_free = :free");
        }
        if (query.accessible() != null) {
            sql.append(query.accessible() ? " AND " : " AND NOT ")
                    .append("(:feature = ANY(e.accessibility) OR :feature = ANY(v.accessibility))");
        }
        if (query.near() != null) {
            sql.append(" AND earth_box(ll_to_earth(:lat, :lon), :radius) @> ll_to_earth(v.lat, v.lon)")
                    .append(" AND earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(v.lat, v.lon)) <= :radius");
        }
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString())
                .bind("from", from.atOffset(ZoneOffset.UTC))
                .bind("to", to.atOffset(ZoneOffset.UTC));
        if (query.city() != null) {
            spec = spec.bind("city", query.city());
        }
        if (query.category() != null) {
            spec = spec.bind("category", query.category());
        }
        if (query.venue() != null) {
            spec = spec.bind("venue", query.venue());
        }
        if (query.free() != null) {
            spec = spec.bind("free", query.free());
        }
        if (query.accessible() != null) {
            spec = spec.bind("feature", OccurrenceQuery.ACCESSIBLE_FEATURE);
        }
        if (query.near() != null) {
            spec = spec.bind("lat", query.near().lat()).bind("lon", query.near().lon())
                    .bind("radius", query.radiusKm() * 1000.0);
        }
        boolean near = query.near() != null;
        return spec.map(row -> new Stored(map(row), VenueRepository.map(row, "v_"),
                        near ? row.get("distance_m", Double.class) / 1000.0 : null))
                .all();
    }

    /** The events of a feed: those not over for more than a month, earliest first. */
    Flux<Stored> feed(String city, String category, Instant since, int limit) {
        DatabaseClient.GenericExecuteSpec spec = database.sql(SELECT + """
                 FROM event e JOIN venue v ON v.id = e.venue_id
                WHERE (e.series_end IS NULL OR e.series_end >= :since)
                  AND (CAST(:city AS TEXT) IS NULL OR e.city = :city)
                  AND (CAST(:category AS TEXT) IS NULL OR e.category = :category)
                ORDER BY e.start_at, e.id
                LIMIT :limit
                """)
                .bind("since", since.atOffset(ZoneOffset.UTC))
                .bind("limit", limit);
        spec = city == null ? spec.bindNull("city", String.class) : spec.bind("city", city);
        spec = category == null ? spec.bindNull("category", String.class) : spec.bind("category", category);
        return spec.map(row -> new Stored(map(row), VenueRepository.map(row, "v_"), null)).all();
    }

    Mono<Void> insert(Event event) {
        return bind(database.sql("""
                INSERT INTO event (id, city, venue_id, title, description, category, start_at, end_at, all_day,
                    rrule, exdates, series_end, price_free, price_min, price_max, currency, ticket_url, language,
                    accessibility, tags, image_url, image_alt, status, previous_start, version, created_at, updated_at,
                    announce_again_at)
                VALUES (:id, :city, :venueId, :title, :description, :category, :startAt, :endAt, :allDay,
                    :rrule, :exdates, :seriesEnd, :priceFree, :priceMin, :priceMax, :currency, :ticketUrl, :language,
                    :accessibility, :tags, :imageUrl, :imageAlt, :status, :previousStart, :version, :createdAt,
                    :updatedAt, :announceAgainAt)
                """), event)
                .then();
    }

    /** Writes the new version only over the one it was made from; false when someone was faster. */
    Mono<Boolean> update(Event event) {
        return bind(database.sql("""
                UPDATE event SET city = :city, venue_id = :venueId, title = :title, description = :description,
                    category = :category, start_at = :startAt, end_at = :endAt, all_day = :allDay, rrule = :rrule,
                    exdates = :exdates, series_end = :seriesEnd, price_free = :priceFree, price_min = :priceMin,
                    price_max = :priceMax, currency = :currency, ticket_url = :ticketUrl, language = :language,
                    accessibility = :accessibility, tags = :tags, image_url = :imageUrl, image_alt = :imageAlt,
                    status = :status, previous_start = :previousStart, version = :version,
                    created_at = :createdAt, updated_at = :updatedAt, announce_again_at = :announceAgainAt
                WHERE id = :id AND version = :version - 1
                """), event)
                .fetch().rowsUpdated()
                .map(count -> count == 1);
    }

    /**
     * Series whose announced starts ran low by {@code now}, longest waiting first, locked for the
     * caller's transaction; rows another transaction holds are skipped, not waited for.
     */
    Flux<UUID> dueForAnnouncement(Instant now, int limit) {
        return database.sql("""
                SELECT id FROM event WHERE announce_again_at <= :now
                ORDER BY announce_again_at, id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """)
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("limit", limit)
                .map(row -> row.get("id", UUID.class))
                .all();
    }

    Mono<Boolean> delete(UUID id, long version) {
        return database.sql("DELETE FROM event WHERE id = :id AND version = :version")
                .bind("id", id)
                .bind("version", version)
                .fetch().rowsUpdated()
                .map(count -> count == 1);
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Event event) {
        EventDetails d = event.details();
        Recurrence recurrence = d.recurrence();
        spec = spec.bind("id", event.id())
                .bind("city", d.city())
                .bind("venueId", d.venueId())
                .bind("title", d.title())
                .bind("description", d.description())
                .bind("category", d.category())
                .bind("startAt", d.start())
                .bind("allDay", d.allDay())
                .bind("exdates", recurrence == null ? new String[0]
                        : recurrence.exdates().stream().map(OffsetDateTime::toString).toArray(String[]::new))
                .bind("priceFree", d.price().free())
                .bind("language", d.language())
                .bind("accessibility", d.accessibility().toArray(String[]::new))
                .bind("tags", d.tags().toArray(String[]::new))
                .bind("status", event.status().apiName())
                .bind("version", event.version())
                .bind("createdAt", event.createdAt().atOffset(ZoneOffset.UTC))
                .bind("updatedAt", event.updatedAt().atOffset(ZoneOffset.UTC));
        spec = nullable(spec, "endAt", d.end(), OffsetDateTime.class);
        spec = nullable(spec, "rrule", recurrence == null ? null : recurrence.rrule(), String.class);
        spec = nullable(spec, "seriesEnd", event.seriesEnd().map(end -> end.atOffset(ZoneOffset.UTC)).orElse(null),
                OffsetDateTime.class);
        spec = nullable(spec, "announceAgainAt",
                event.announceAgainAt().map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null), OffsetDateTime.class);
        spec = nullable(spec, "priceMin", d.price().min(), BigDecimal.class);
        spec = nullable(spec, "priceMax", d.price().max(), BigDecimal.class);
        spec = nullable(spec, "currency", d.price().currency(), String.class);
        spec = nullable(spec, "ticketUrl", d.ticketUrl(), String.class);
        spec = nullable(spec, "imageUrl", d.image() == null ? null : d.image().url(), String.class);
        spec = nullable(spec, "imageAlt", d.image() == null ? null : d.image().alt(), String.class);
        return nullable(spec, "previousStart", event.previousStart(), OffsetDateTime.class);
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
            T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static Event map(Readable row) {
        String rrule = row.get("rrule", String.class);
        String[] exdates = row.get("exdates", String[].class);
        String imageUrl = row.get("image_url", String.class);
        EventDetails details = new EventDetails(
                row.get("city", String.class),
                row.get("venue_id", UUID.class),
                row.get("title", String.class),
                row.get("description", String.class),
                row.get("category", String.class),
                Event.berlin(row.get("start_at", OffsetDateTime.class)),
                Event.berlin(row.get("end_at", OffsetDateTime.class)),
                Boolean.TRUE.equals(row.get("all_day", Boolean.class)),
                rrule == null ? null : new Recurrence(rrule, exdates == null ? List.of()
                        : Arrays.stream(exdates).map(OffsetDateTime::parse).map(Event::berlin).toList()),
                new Price(Boolean.TRUE.equals(row.get("price_free", Boolean.class)),
                        row.get("price_min", BigDecimal.class), row.get("price_max", BigDecimal.class),
                        row.get("currency", String.class)),
                row.get("ticket_url", String.class),
                row.get("language", String.class),
                list(row.get("accessibility", String[].class)),
                list(row.get("tags", String[].class)),
                imageUrl == null ? null : new Image(imageUrl, row.get("image_alt", String.class)));
        return new Event(row.get("id", UUID.class), details,
                EventStatus.ofApiName(row.get("status", String.class)),
                Event.berlin(row.get("previous_start", OffsetDateTime.class)),
                row.get("version", Long.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }
}
