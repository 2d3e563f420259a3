package de.stadtportal.events.event.persistence;

import de.stadtportal.events.EventsProperties;
import de.stadtportal.events.event.domain.Event;
import de.stadtportal.events.event.domain.EventAtVenue;
import de.stadtportal.events.event.domain.Listing;
import de.stadtportal.events.venue.persistence.VenueRepository;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The listing of every event's starts ({@code occurrence}, see {@link Listing}) and the reads of
 * {@code GET /api/events}. Pages are read from the listing in start order with a LIMIT; only what a
 * listing does not cover is found through the event's time span (a GiST index on
 * {@code tstzrange(start_at, series_end)}) and expanded by the domain.
 * <p>
 * The three reads share one set of filters, written out in each statement so that each reads whole:
 * every filter is switched off by a NULL parameter, and the radius test is the GiST-indexable
 * {@code earth_box} made exact with {@code earth_distance}. The distance column is NULL without
 * {@code near}. Most of the class's length is these statements.
 */
@Repository
public class OccurrenceRepository {

    /** Listed occurrences that began before the window opens and still run in it, after a position. */
    private static final String LISTED_RUNNING = "SELECT e.*, " + VenueRepository.JOINED_COLUMNS + """
            , o.start_at AS o_start, o.end_at AS o_end,
              CASE WHEN CAST(:lat AS DOUBLE PRECISION) IS NULL THEN NULL
                   ELSE earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(v.lat, v.lon)) END AS distance_m
             FROM occurrence o JOIN event e ON e.id = o.event_id JOIN venue v ON v.id = e.venue_id
            WHERE tstzrange(o.start_at, o.end_at, '[)') @> CAST(:from AS TIMESTAMPTZ) AND o.start_at < :from
              AND o.start_at < :to
              AND (o.start_at, o.event_id) > (:afterStart, :afterEvent)
              AND (CAST(:city AS TEXT) IS NULL OR e.city = :city)
              AND (CAST(:category AS TEXT) IS NULL OR e.category = :category)
              AND (CAST(:venue AS UUID) IS NULL OR e.venue_id = :venue)
              AND (CAST(:free AS BOOLEAN) IS NULL OR e.price_free = :free)
              AND (CAST(:accessible AS BOOLEAN) IS NULL
                   OR (:feature = ANY(e.accessibility) OR :feature = ANY(v.accessibility)) = :accessible)
              AND (CAST(:lat AS DOUBLE PRECISION) IS NULL
                   OR (earth_box(ll_to_earth(:lat, :lon), :radius) @> ll_to_earth(v.lat, v.lon)
                       AND earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(v.lat, v.lon)) <= :radius))
            ORDER BY o.start_at, o.event_id
            LIMIT :limit
            """;
    /** Listed occurrences that start in the window, after a position. */
    private static final String LISTED_STARTING = "SELECT e.*, " + VenueRepository.JOINED_COLUMNS + """
            , o.start_at AS o_start, o.end_at AS o_end,
              CASE WHEN CAST(:lat AS DOUBLE PRECISION) IS NULL THEN NULL
                   ELSE earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(v.lat, v.lon)) END AS distance_m
             FROM occurrence o JOIN event e ON e.id = o.event_id JOIN venue v ON v.id = e.venue_id
            WHERE o.start_at >= :from AND o.start_at < :to
              AND (o.start_at, o.event_id) > (:afterStart, :afterEvent)
              AND (CAST(:city AS TEXT) IS NULL OR e.city = :city)
              AND (CAST(:category AS TEXT) IS NULL OR e.category = :category)
              AND (CAST(:venue AS UUID) IS NULL OR e.venue_id = :venue)
              AND (CAST(:free AS BOOLEAN) IS NULL OR e.price_free = :free)
              AND (CAST(:accessible AS BOOLEAN) IS NULL
                   OR (:feature = ANY(e.accessibility) OR :feature = ANY(v.accessibility)) = :accessible)
              AND (CAST(:lat AS DOUBLE PRECISION) IS NULL
                   OR (earth_box(ll_to_earth(:lat, :lon), :radius) @> ll_to_earth(v.lat, v.lon)
                       AND earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(v.lat, v.lon)) <= :radius))
            ORDER BY o.start_at, o.event_id
            LIMIT :limit
            """;
    /**
     * Events matching the filters whose listing does not cover {@code [from, to)}: series listed less
     * far ahead than {@code to} (or not listed yet) and series whose listing begins after {@code from}.
     */
    private static final String BEYOND_LISTING = "SELECT e.*, " + VenueRepository.JOINED_COLUMNS + """
            , CASE WHEN CAST(:lat AS DOUBLE PRECISION) IS NULL THEN NULL
                   ELSE earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(v.lat, v.lon)) END AS distance_m,
              e.listed_until = '-infinity' AS unlisted,
              CASE WHEN isfinite(e.listed_from) THEN e.listed_from END AS covers_from,
              CASE WHEN isfinite(e.listed_until) THEN e.listed_until END AS covers_until
             FROM event e JOIN venue v ON v.id = e.venue_id
            WHERE (e.listed_until < :to OR e.listed_from > :from)
              AND tstzrange(e.start_at, e.series_end, '[]') && tstzrange(:searchFrom, :to, '[)')
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
    private static final String UNLIST = "DELETE FROM occurrence WHERE event_id = :id";
    private static final String LIST = """
            INSERT INTO occurrence (event_id, start_at, end_at)
            SELECT :id, listed.start_at, listed.end_at
            FROM unnest(CAST(:starts AS TIMESTAMPTZ[]), CAST(:ends AS TIMESTAMPTZ[])) AS listed(start_at, end_at)
            """;
    private static final String COVERS = """
            UPDATE event SET listed_from = CAST(:from AS TIMESTAMPTZ), listed_until = CAST(:until AS TIMESTAMPTZ)
            WHERE id = :id
            """;
    /** Events listed less far than a bound, in order of how far; rows other transactions hold are skipped. */
    private static final String DUE_FOR_LISTING = """
            SELECT id, CAST(listed_until AS TEXT) AS listed_until FROM event
            WHERE listed_until < :before AND (listed_until, id) > (CAST(:afterUntil AS TIMESTAMPTZ), :afterId)
            ORDER BY listed_until, id
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;
    /** The position of a first page: before every start PostgreSQL can hold for an event. */
    private static final Instant BEFORE_ANY_START = Instant.parse("0001-01-01T00:00:00Z");

    private final DatabaseClient database;
    private final EventsProperties settings;

    OccurrenceRepository(DatabaseClient database, EventsProperties settings) {
        this.database = database;
        this.settings = settings;
    }

    /**
     * The window {@code [from, to)} and the filters of a query, each {@code null} when not asked for;
     * {@code feature} is what {@code accessible} asks of event or venue, {@code radiusMetres} applies with a point.
     */
    public record Filter(Instant from, Instant to, String city, String category, UUID venue, Boolean free,
            Boolean accessible, String feature, Double lat, Double lon, double radiusMetres) {
    }

    /** A listed occurrence with its event; {@code end} equals {@code start} for an event that is a moment. */
    public record ListedOccurrence(EventAtVenue at, Double distanceKm, Instant start, Instant end) {
    }

    /**
     * An event whose listing leaves part of a window out: nothing is listed yet ({@code unlisted}), or
     * windows are covered only from {@code coversFrom} and up to {@code coversUntil} (null: no bound).
     */
    public record BeyondListing(EventAtVenue at, Double distanceKm, boolean unlisted, Instant coversFrom,
            Instant coversUntil) {
    }

    /** An event due for listing, and how far its listing reaches (as PostgreSQL writes it, infinities included). */
    public record Due(UUID id, String listedUntil) {

        /** Before every event: the position a pass starts from. */
        public static final Due FIRST = new Due(new UUID(0, 0), "-infinity");
    }

    /**
     * Listed occurrences in the window after the position ({@code null}: from the start) that match the
     * filters, in order of start and event id, at most {@code limit}: those that began before
     * {@code from} and still run, then those that start in the window. Both read an index in the
     * order of the page and stop at the limit; the filters are tested on the rows passed on the way.
     */
    public Flux<ListedOccurrence> listed(Filter filter, Instant afterStart, UUID afterEvent, int limit) {
        return listed(LISTED_RUNNING, filter, afterStart, afterEvent, limit)
                .concatWith(listed(LISTED_STARTING, filter, afterStart, afterEvent, limit));
    }

    private Flux<ListedOccurrence> listed(String statement, Filter filter, Instant afterStart, UUID afterEvent,
            int limit) {
        return bind(database.sql(statement), filter)
                .bind("afterStart", (afterStart == null ? BEFORE_ANY_START : afterStart).atOffset(ZoneOffset.UTC))
                .bind("afterEvent", afterEvent == null ? new UUID(0, 0) : afterEvent)
                .bind("limit", limit)
                .map(row -> new ListedOccurrence(EventRows.atVenue(row), EventRows.distanceKm(row),
                        row.get("o_start", OffsetDateTime.class).toInstant(),
                        row.get("o_end", OffsetDateTime.class).toInstant()))
                .all();
    }

    /**
     * The events matching the filters whose listing does not cover the window, with starts from
     * {@code searchFrom} on. Usually none; their rules are expanded for what the listing leaves out.
     */
    public Flux<BeyondListing> beyondListing(Filter filter, Instant searchFrom) {
        return bind(database.sql(BEYOND_LISTING), filter)
                .bind("searchFrom", searchFrom.atOffset(ZoneOffset.UTC))
                .map(row -> new BeyondListing(EventRows.atVenue(row), EventRows.distanceKm(row),
                        Boolean.TRUE.equals(row.get("unlisted", Boolean.class)),
                        instant(row, "covers_from"), instant(row, "covers_until")))
                .all();
    }

    /**
     * Replaces the listed starts of {@code event} by those of its listing as of {@code now}; part of
     * every write of the event, so the listing changes with the row in one transaction.
     */
    public Mono<Void> list(Event event, Instant now) {
        return Mono.fromCallable(() -> listing(event, now)).flatMap(listing -> store(event, listing));
    }

    private Listing listing(Event event, Instant now) {
        EventsProperties.ListingSettings bounds = settings.listing();
        return Listing.of(event, now, bounds.ahead(), bounds.behind(), bounds.max());
    }

    private Mono<Void> store(Event event, Listing listing) {
        Listed listed = Listed.of(event, listing);
        return database.sql(UNLIST).bind("id", event.id()).then()
                .then(database.sql(LIST).bind("id", event.id()).bind("starts", listed.starts())
                        .bind("ends", listed.ends()).then())
                .then(database.sql(COVERS)
                        .bind("id", event.id())
                        .bind("from", listed.from())
                        .bind("until", listed.until())
                        .then());
    }

    /**
     * The listing of {@code event} as of its last change, as the parameters of the statement that
     * writes the row: {@code starts} and {@code ends} for {@code unnest}, {@code listedFrom} and
     * {@code listedUntil} as PostgreSQL reads them (infinities included). The row and its listing
     * are written by one statement ({@link EventRepository#insert}, {@link EventRepository#update}).
     */
    public Listed listingOf(Event event) {
        return Listed.of(event, listing(event, event.updatedAt()));
    }

    /** A listing as statement parameters: the starts and ends, and the windows it answers alone. */
    public record Listed(String[] starts, String[] ends, String from, String until) {

        static Listed of(Event event, Listing listing) {
            Instant coversFrom = listing.coversWindowsFrom(event.duration());
            return new Listed(
                    listing.occurrences().stream().map(o -> o.start().toString()).toArray(String[]::new),
                    listing.occurrences().stream().map(o -> (o.end() == null ? o.start() : o.end()).toString())
                            .toArray(String[]::new),
                    coversFrom == null ? "-infinity" : coversFrom.toString(),
                    listing.until() == null ? "infinity" : listing.until().toString());
        }
    }

    /**
     * Events whose listing ends before {@code before} (or who have none yet), after {@code after} in
     * order of how far their listing reaches, locked for the caller's transaction; rows another
     * transaction holds are skipped, not waited for.
     */
    public Flux<Due> dueForListing(Instant before, Due after, int limit) {
        return database.sql(DUE_FOR_LISTING)
                .bind("before", before.atOffset(ZoneOffset.UTC))
                .bind("afterUntil", after.listedUntil())
                .bind("afterId", after.id())
                .bind("limit", limit)
                .map(row -> new Due(row.get("id", UUID.class), row.get("listed_until", String.class)))
                .all();
    }

    /** The window and the filters, each bound as NULL where not asked for. */
    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Filter filter) {
        spec = EventRows.nullable(spec, "city", filter.city(), String.class);
        spec = EventRows.nullable(spec, "category", filter.category(), String.class);
        spec = EventRows.nullable(spec, "venue", filter.venue(), UUID.class);
        spec = EventRows.nullable(spec, "free", filter.free(), Boolean.class);
        spec = EventRows.nullable(spec, "accessible", filter.accessible(), Boolean.class);
        spec = EventRows.nullable(spec, "lat", filter.lat(), Double.class);
        spec = EventRows.nullable(spec, "lon", filter.lon(), Double.class);
        return spec.bind("feature", filter.feature())
                .bind("radius", filter.radiusMetres())
                .bind("from", filter.from().atOffset(ZoneOffset.UTC))
                .bind("to", filter.to().atOffset(ZoneOffset.UTC));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime time = row.get(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
