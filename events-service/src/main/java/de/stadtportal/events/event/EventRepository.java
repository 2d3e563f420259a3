package de.stadtportal.events.event;

import de.stadtportal.contracts.Image;
import de.stadtportal.contracts.Price;
import de.stadtportal.events.event.domain.Event;
import de.stadtportal.events.event.domain.EventDetails;
import de.stadtportal.events.event.domain.EventStatus;
import de.stadtportal.events.event.domain.Listing;
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
 * Events in PostgreSQL, always read together with their venue, and the listing of their starts
 * ({@code occurrence}, see {@link Listing}), written with every write of the event. Pages of
 * occurrences are read from the listing in start order with a LIMIT; only what a listing does not
 * cover is found through {@code series_end} (the end of the last occurrence, NULL for series
 * without end) and a GiST index on the event's time span, and expanded by the domain.
 */
@Component
class EventRepository {

    private static final String SELECT = "SELECT e.*, " + VenueRepository.JOINED_COLUMNS;
    /** The great-circle distance to {@code near}, or NULL when the query has none. */
    private static final String DISTANCE = """
            CASE WHEN CAST(:lat AS DOUBLE PRECISION) IS NULL THEN NULL
                 ELSE earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(v.lat, v.lon)) END AS distance_m
            """;
    /**
     * The filters of {@code GET /api/events}, each ignored when its parameter is NULL. The radius test
     * is the GiST-indexable {@code earth_box} made exact with {@code earth_distance}.
     */
    private static final String FILTERS = """
              AND (CAST(:city AS TEXT) IS NULL OR e.city = :city)
              AND (CAST(:category AS TEXT) IS NULL OR e.category = :category)
              AND (CAST(:venue AS UUID) IS NULL OR e.venue_id = :venue)
              AND (CAST(:free AS BOOLEAN) IS NULL OR e.price_free = :free)
              AND (CAST(:accessible AS BOOLEAN) IS NULL
                   OR (:feature = ANY(e.accessibility) OR :feature = ANY(v.accessibility)) = :accessible)
              AND (CAST(:lat AS DOUBLE PRECISION) IS NULL
                   OR (earth_box(ll_to_earth(:lat, :lon), :radius) @> ll_to_earth(v.lat, v.lon)
                       AND earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(v.lat, v.lon)) <= :radius))
            """;
    /** The cursor of a first page: before every start PostgreSQL can hold for an event. */
    private static final Instant BEFORE_ANY_START = Instant.parse("0001-01-01T00:00:00Z");

    private final DatabaseClient database;
    private final EventsProperties settings;

    EventRepository(DatabaseClient database, EventsProperties settings) {
        this.database = database;
        this.settings = settings;
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
     * Listed occurrences in {@code [from, to)} after the query's cursor that match its filters, in
     * order of start and event id, at most {@code limit}: those that began before {@code from} and
     * still run, then those that start in the window. Both read an index in the order of the page
     * and stop at the limit; the filters are tested on the rows passed on the way.
     */
    Flux<ListedOccurrence> listed(OccurrenceQuery query, int limit) {
        return listed("""
                 WHERE tstzrange(o.start_at, o.end_at, '[)') @> CAST(:from AS TIMESTAMPTZ) AND o.start_at < :from
                  AND o.start_at < :to
                """, query, limit)
                .concatWith(listed("""
                         WHERE o.start_at >= :from AND o.start_at < :to
                        """, query, limit));
    }

    private Flux<ListedOccurrence> listed(String window, OccurrenceQuery query, int limit) {
        String sql = SELECT + ", o.start_at AS o_start, o.end_at AS o_end, " + DISTANCE + """
                 FROM occurrence o JOIN event e ON e.id = o.event_id JOIN venue v ON v.id = e.venue_id
                """ + window + """
                  AND (o.start_at, o.event_id) > (:afterStart, :afterEvent)
                """ + FILTERS + """
                 ORDER BY o.start_at, o.event_id
                 LIMIT :limit
                """;
        Instant afterStart = query.afterStart() == null ? BEFORE_ANY_START : query.afterStart();
        UUID afterEvent = query.afterEvent() == null ? new UUID(0, 0) : query.afterEvent();
        return filters(database.sql(sql), query)
                .bind("from", query.from().atOffset(ZoneOffset.UTC))
                .bind("to", query.to().atOffset(ZoneOffset.UTC))
                .bind("afterStart", afterStart.atOffset(ZoneOffset.UTC))
                .bind("afterEvent", afterEvent)
                .bind("limit", limit)
                .map(row -> new ListedOccurrence(stored(row),
                        row.get("o_start", OffsetDateTime.class).toInstant(),
                        row.get("o_end", OffsetDateTime.class).toInstant()))
                .all();
    }

    /**
     * The events matching the query whose listing does not cover {@code [from, to)}: series listed
     * less far ahead than {@code to} (or not listed yet) and series whose listing begins after
     * {@code from}. Usually none; their rules are expanded for what the listing leaves out.
     */
    Flux<BeyondListing> beyondListing(OccurrenceQuery query, Instant searchFrom) {
        String sql = SELECT + ", " + DISTANCE + """
                , e.listed_until = '-infinity' AS unlisted,
                  CASE WHEN isfinite(e.listed_from) THEN e.listed_from END AS covers_from,
                  CASE WHEN isfinite(e.listed_until) THEN e.listed_until END AS covers_until
                 FROM event e JOIN venue v ON v.id = e.venue_id
                 WHERE (e.listed_until < :to OR e.listed_from > :from)
                  AND tstzrange(e.start_at, e.series_end, '[]') && tstzrange(:searchFrom, :to, '[)')
                """ + FILTERS;
        return filters(database.sql(sql), query)
                .bind("from", query.from().atOffset(ZoneOffset.UTC))
                .bind("to", query.to().atOffset(ZoneOffset.UTC))
                .bind("searchFrom", searchFrom.atOffset(ZoneOffset.UTC))
                .map(row -> new BeyondListing(stored(row), Boolean.TRUE.equals(row.get("unlisted", Boolean.class)),
                        instant(row.get("covers_from", OffsetDateTime.class)),
                        instant(row.get("covers_until", OffsetDateTime.class))))
                .all();
    }

    /** A listed occurrence with its event; {@code end} equals {@code start} for an event that is a moment. */
    record ListedOccurrence(Stored stored, Instant start, Instant end) {
    }

    /**
     * An event whose listing leaves part of a window out: nothing is listed yet ({@code unlisted}), or
     * windows are covered only from {@code coversFrom} and up to {@code coversUntil} (null: no bound).
     */
    record BeyondListing(Stored stored, boolean unlisted, Instant coversFrom, Instant coversUntil) {
    }

    /**
     * Replaces the listed starts of {@code event} by those of its listing as of {@code now}; part of
     * every write of the event, so the listing changes with the row in one transaction.
     */
    Mono<Void> list(Event event, Instant now) {
        return Mono.fromCallable(() -> listing(event, now)).flatMap(listing -> store(event, listing));
    }

    private Listing listing(Event event, Instant now) {
        EventsProperties.ListingSettings bounds = settings.listing();
        return Listing.of(event, now, bounds.ahead(), bounds.behind(), bounds.max());
    }

    private Mono<Void> store(Event event, Listing listing) {
        Instant coversFrom = listing.coversWindowsFrom(event.duration());
        String[] starts = listing.occurrences().stream().map(o -> o.start().toString()).toArray(String[]::new);
        String[] ends = listing.occurrences().stream()
                .map(o -> (o.end() == null ? o.start() : o.end()).toString()).toArray(String[]::new);
        return database.sql("DELETE FROM occurrence WHERE event_id = :id").bind("id", event.id()).then()
                .then(database.sql("""
                        INSERT INTO occurrence (event_id, start_at, end_at)
                        SELECT :id, listed.start_at, listed.end_at
                        FROM unnest(CAST(:starts AS TIMESTAMPTZ[]), CAST(:ends AS TIMESTAMPTZ[])) AS listed(start_at, end_at)
                        """).bind("id", event.id()).bind("starts", starts).bind("ends", ends).then())
                .then(database.sql("""
                        UPDATE event SET listed_from = CAST(:from AS TIMESTAMPTZ), listed_until = CAST(:until AS TIMESTAMPTZ)
                        WHERE id = :id
                        """)
                        .bind("id", event.id())
                        .bind("from", coversFrom == null ? "-infinity" : coversFrom.toString())
                        .bind("until", listing.until() == null ? "infinity" : listing.until().toString())
                        .then());
    }

    /**
     * Events whose listing ends before {@code before} (or who have none yet), after {@code after} in
     * order of how far their listing reaches, locked for the caller's transaction; rows another
     * transaction holds are skipped, not waited for.
     */
    Flux<Due> dueForListing(Instant before, Due after, int limit) {
        return database.sql("""
                SELECT id, CAST(listed_until AS TEXT) AS listed_until FROM event
                WHERE listed_until < :before AND (listed_until, id) > (CAST(:afterUntil AS TIMESTAMPTZ), :afterId)
                ORDER BY listed_until, id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """)
                .bind("before", before.atOffset(ZoneOffset.UTC))
                .bind("afterUntil", after.listedUntil())
                .bind("afterId", after.id())
                .bind("limit", limit)
                .map(row -> new Due(row.get("id", UUID.class), row.get("listed_until", String.class)))
                .all();
    }

    /** An event due for listing, and how far its listing reaches (as PostgreSQL writes it, infinities included). */
    record Due(UUID id, String listedUntil) {

        /** Before every event: the position a pass starts from. */
        static final Due FIRST = new Due(new UUID(0, 0), "-infinity");
    }

    /** The query's filters, bound as NULL where not asked for (see {@link #FILTERS}). */
    private static DatabaseClient.GenericExecuteSpec filters(DatabaseClient.GenericExecuteSpec spec,
            OccurrenceQuery query) {
        spec = nullable(spec, "city", query.city(), String.class);
        spec = nullable(spec, "category", query.category(), String.class);
        spec = nullable(spec, "venue", query.venue(), UUID.class);
        spec = nullable(spec, "free", query.free(), Boolean.class);
        spec = nullable(spec, "accessible", query.accessible(), Boolean.class);
        spec = nullable(spec, "lat", query.near() == null ? null : query.near().lat(), Double.class);
        spec = nullable(spec, "lon", query.near() == null ? null : query.near().lon(), Double.class);
        return spec.bind("feature", OccurrenceQuery.ACCESSIBLE_FEATURE)
                .bind("radius", query.radiusKm() * 1000.0);
    }

    private static Stored stored(Readable row) {
        Double distance = row.get("distance_m", Double.class);
        return new Stored(map(row), VenueRepository.map(row, "v_"), distance == null ? null : distance / 1000.0);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
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
                .then()
                .then(Mono.defer(() -> list(event, event.updatedAt())));
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
                .flatMap(count -> count == 1 ? list(event, event.updatedAt()).thenReturn(true) : Mono.just(false));
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
