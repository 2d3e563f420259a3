package de.stadtportal.events.event.persistence;

import de.stadtportal.events.event.domain.Event;
import de.stadtportal.events.event.domain.EventAtVenue;
import de.stadtportal.events.venue.persistence.VenueRepository;
import de.stadtportal.messaging.outbox.Outbox;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events in PostgreSQL, always read together with their venue. Every write of an event also
 * lists its starts ({@link OccurrenceRepository#listingOf}) and appends the event that announces
 * it ({@link Outbox#appendFor}), in the same statement as the row: the listing and the outbox entry
 * change with it and cost no round trip of their own. {@code series_end} is the end of the last
 * occurrence, NULL for series without end.
 */
@Repository
public class EventRepository {

    private static final String FIND = "SELECT e.*, " + VenueRepository.JOINED_COLUMNS + """
             FROM event e JOIN venue v ON v.id = e.venue_id
            WHERE e.id = :id
            """;
    private static final String AT_VENUE_FOR_UPDATE =
            "SELECT e.* FROM event e WHERE e.venue_id = :venue ORDER BY e.id FOR UPDATE";
    private static final String EXIST_AT_VENUE =
            "SELECT EXISTS (SELECT 1 FROM event WHERE venue_id = :venue) AS used";
    /** The events of a feed, earliest first; the city and the category are ignored when NULL. */
    private static final String FEED = "SELECT e.*, " + VenueRepository.JOINED_COLUMNS + """
             FROM event e JOIN venue v ON v.id = e.venue_id
            WHERE (e.series_end IS NULL OR e.series_end >= :since)
              AND (CAST(:city AS TEXT) IS NULL OR e.city = :city)
              AND (CAST(:category AS TEXT) IS NULL OR e.category = :category)
            ORDER BY e.start_at, e.id
            LIMIT :limit
            """;
    /**
     * A sub-statement for a write's {@code WITH}: the event's venue ({@code :venue_id}) locked
     * {@code FOR SHARE} to the statement's end while it is in {@code :venueVersion}, the version the
     * event's snapshot was taken from; no row when it changed or went (a change or removal in
     * progress is waited for, and then the newer version or nothing is found).
     */
    private static final String PLACE_AS_READ = """
            place AS (
                SELECT id FROM venue WHERE id = :venue_id AND version = :venueVersion FOR SHARE
            )""";
    /**
     * A new event, its listing and its outbox entry in one statement, written only while its venue
     * is in the version the event's snapshot was taken from: the venue locked {@code FOR SHARE} until
     * the statement ends (a change or removal in progress is waited for, and then the newer version
     * or nothing is found, and nothing is written), the row with the windows its listing answers, its
     * listed starts (the foreign keys are checked at the end of the statement, when the rows are
     * there) and the event that announces it. Whole on its own, it needs no transaction around it.
     */
    private static final String INSERT = "WITH " + PLACE_AS_READ + """
            , written AS (
                INSERT INTO event (""" + EventRows.COLUMN_NAMES + """
            , listed_from, listed_until)
                SELECT\s""" + EventRows.PARAMETERS + """
            , CAST(:listedFrom AS TIMESTAMPTZ), CAST(:listedUntil AS TIMESTAMPTZ)
                FROM place
                RETURNING id
            ), appended AS (
            """ + Outbox.appendFor("written") + """
            ), listed AS (
                INSERT INTO occurrence (event_id, start_at, end_at)
                SELECT written.id, listed.start_at, listed.end_at
                FROM written, unnest(CAST(:starts AS TIMESTAMPTZ[]), CAST(:ends AS TIMESTAMPTZ[])) AS listed(start_at, end_at)
            )
            SELECT count(*) AS written FROM written
            """;
    /**
     * New events, their listings and their outbox entries in one statement, however many: the rows
     * from a JSON array of them ({@link EventRows#json}, each with the windows its listing answers),
     * the listed starts of all of them as three parallel arrays, and the events that announce them
     * ({@link Outbox#appendRows}). The foreign keys are checked at the end of the statement, when the
     * rows are there.
     */
    private static final String INSERT_ALL = """
            WITH written AS (
                INSERT INTO event (""" + EventRows.COLUMN_NAMES + """
            , listed_from, listed_until)
                SELECT\s""" + EventRows.COLUMN_NAMES + """
            , listed_from, listed_until
                FROM json_populate_recordset(CAST(NULL AS event), CAST(:rows AS JSON))
                RETURNING id
            ), appended AS (
            """ + Outbox.appendRows() + """
            )
            INSERT INTO occurrence (event_id, start_at, end_at)
            SELECT listed.event_id, listed.start_at, listed.end_at
            FROM unnest(CAST(:listedEvents AS UUID[]), CAST(:starts AS TIMESTAMPTZ[]), CAST(:ends AS TIMESTAMPTZ[]))
                AS listed(event_id, start_at, end_at)
            """;
    /**
     * Writes the new version only over the one it was made from, its listing and its outbox entry
     * with it, in one statement: starts no longer listed are removed, the others written or kept. The sub-statements
     * of a WITH run in no fixed order on one snapshot, so the removal and the upsert touch disjoint
     * rows (a plain delete and insert of the same start could meet in the primary key); they and
     * the outbox entry are nothing when the version check found no row. {@code AT_VENUE}: and only
     * while the venue is as read ({@link #PLACE_AS_READ}), for an update made without a transaction.
     */
    private static final String UPDATE = update("WITH ", "");
    private static final String UPDATE_AT_VENUE = update("WITH " + PLACE_AS_READ + ", ",
            " AND EXISTS (SELECT 1 FROM place)");

    private static String update(String with, String guard) {
        return with + """
             written AS (
                UPDATE event SET city = :city, venue_id = :venue_id, title = :title, description = :description,
                    category = :category, start_at = :start_at, end_at = :end_at, all_day = :all_day, rrule = :rrule,
                    exdates = :exdates, series_end = :series_end, price_free = :price_free, price_min = :price_min,
                    price_max = :price_max, currency = :currency, ticket_url = :ticket_url, language = :language,
                    accessibility = :accessibility, tags = :tags, image_url = :image_url, image_alt = :image_alt,
                    status = :status, previous_start = :previous_start, version = :version,
                    created_at = :created_at, updated_at = :updated_at, announce_again_at = :announce_again_at,
                    listed_from = CAST(:listedFrom AS TIMESTAMPTZ), listed_until = CAST(:listedUntil AS TIMESTAMPTZ)
                WHERE id = :id AND version = :version - 1""" + guard + """

                RETURNING id
            ), unlisted AS (
                DELETE FROM occurrence o USING written
                WHERE o.event_id = written.id AND o.start_at <> ALL (CAST(:starts AS TIMESTAMPTZ[]))
            ), relisted AS (
                INSERT INTO occurrence (event_id, start_at, end_at)
                SELECT written.id, listed.start_at, listed.end_at
                FROM written, unnest(CAST(:starts AS TIMESTAMPTZ[]), CAST(:ends AS TIMESTAMPTZ[])) AS listed(start_at, end_at)
                ON CONFLICT (event_id, start_at) DO UPDATE SET end_at = excluded.end_at
                WHERE occurrence.end_at IS DISTINCT FROM excluded.end_at
            ), appended AS (
            """ + Outbox.appendFor("written") + """
            )
            SELECT count(*) AS written FROM written
            """;
    }

    /** Removes the version it was read in, and appends the event that withdraws it, in one statement. */
    private static final String DELETE = """
            WITH deleted AS (
                DELETE FROM event WHERE id = :id AND version = :version
                RETURNING id
            ), appended AS (
            """ + Outbox.appendFor("deleted") + """
            )
            SELECT count(*) AS deleted FROM deleted
            """;
    /** Series whose announced starts ran low, longest waiting first; rows other transactions hold are skipped. */
    private static final String DUE_FOR_ANNOUNCEMENT = """
            SELECT id FROM event WHERE announce_again_at <= :now
            ORDER BY announce_again_at, id
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;

    private final DatabaseClient database;
    private final OccurrenceRepository occurrences;
    private final JsonMapper json;

    EventRepository(DatabaseClient database, OccurrenceRepository occurrences, JsonMapper json) {
        this.database = database;
        this.occurrences = occurrences;
        this.json = json;
    }

    public Mono<EventAtVenue> find(UUID id) {
        return database.sql(FIND).bind("id", id).map(EventRows::atVenue).one();
    }

    /**
     * The events at a venue as committed, locked for the caller's transaction: a concurrent change
     * of one of them waits for it, or it for the change, and each then sees the other's version.
     */
    public Flux<Event> atVenueForUpdate(UUID venueId) {
        return database.sql(AT_VENUE_FOR_UPDATE).bind("venue", venueId).map(EventRows::event).all();
    }

    public Mono<Boolean> existAtVenue(UUID venueId) {
        return database.sql(EXIST_AT_VENUE).bind("venue", venueId).map(row -> row.get("used", Boolean.class)).one();
    }

    /** The events of a feed: those not over since {@code since}, earliest first, at most {@code limit}. */
    public Flux<EventAtVenue> feed(String city, String category, Instant since, int limit) {
        DatabaseClient.GenericExecuteSpec spec = database.sql(FEED)
                .bind("since", since.atOffset(ZoneOffset.UTC))
                .bind("limit", limit);
        spec = EventRows.nullable(spec, "city", city, String.class);
        spec = EventRows.nullable(spec, "category", category, String.class);
        return spec.map(EventRows::atVenue).all();
    }

    /**
     * The new event with its listing and the entry that announces it, in one round trip and one
     * statement, while its venue is in {@code venueVersion}; false when the venue changed or went
     * since (and then nothing is written).
     */
    public Mono<Boolean> insert(Event event, long venueVersion, Outbox.Entry announced) {
        return written(INSERT, event, announced, spec -> spec.bind("venueVersion", venueVersion));
    }

    /**
     * New events, each with its listing and the entry that announces it ({@code announced.get(i)} for
     * {@code created.get(i)}), in one round trip however many they are: all are written or none.
     */
    public Mono<Void> insertAll(List<Event> created, List<Outbox.Entry> announced) {
        return Mono.fromCallable(() -> {
            List<Map<String, Object>> rows = new ArrayList<>(created.size());
            List<UUID> listedEvents = new ArrayList<>();
            List<String> starts = new ArrayList<>();
            List<String> ends = new ArrayList<>();
            for (Event event : created) {
                OccurrenceRepository.Listed listed = occurrences.listingOf(event);
                Map<String, Object> row = EventRows.json(event);
                row.put("listed_from", listed.from());
                row.put("listed_until", listed.until());
                rows.add(row);
                listedEvents.addAll(Collections.nCopies(listed.starts().length, event.id()));
                starts.addAll(List.of(listed.starts()));
                ends.addAll(List.of(listed.ends()));
            }
            return Outbox.bindRows(database.sql(INSERT_ALL), announced)
                    .bind("rows", json.writeValueAsString(rows))
                    .bind("listedEvents", listedEvents.toArray(UUID[]::new))
                    .bind("starts", starts.toArray(String[]::new))
                    .bind("ends", ends.toArray(String[]::new));
        })
                .flatMap(statement -> statement.fetch().rowsUpdated())
                .<Void>handle((written, sink) -> announced.forEach(Outbox.Entry::appended))
                .then();
    }

    /**
     * Writes the new version only over the one it was made from, with its listing as of the change
     * and the entry that announces it, in one round trip; false when someone was faster (and then
     * nothing is written). For a write in a transaction that holds the event's row already.
     */
    public Mono<Boolean> update(Event event, Outbox.Entry announced) {
        return written(UPDATE, event, announced, spec -> spec);
    }

    /**
     * As {@link #update}, and only while the venue is in {@code venueVersion}, held to the statement's
     * end: whole on its own, for an update made without a transaction; false when someone was faster
     * with the event or changed its venue (and then nothing is written).
     */
    public Mono<Boolean> update(Event event, long venueVersion, Outbox.Entry announced) {
        return written(UPDATE_AT_VENUE, event, announced, spec -> spec.bind("venueVersion", venueVersion));
    }

    /** Runs {@code sql}, a write of one event that counts what it wrote ({@code written}): whether it did. */
    private Mono<Boolean> written(String sql, Event event, Outbox.Entry announced,
            UnaryOperator<DatabaseClient.GenericExecuteSpec> binds) {
        return Mono.fromCallable(() -> occurrences.listingOf(event))
                .flatMap(listed -> binds.apply(announced.bind(withListing(database.sql(sql), event, listed)))
                        .map(row -> row.get("written", Long.class))
                        .one())
                // handle, not map: the line is logged in the request's trace (Outbox.Entry#appended)
                .handle((count, sink) -> sink.next(announced.appendedIf(count == 1)));
    }

    private static DatabaseClient.GenericExecuteSpec withListing(DatabaseClient.GenericExecuteSpec spec, Event event,
            OccurrenceRepository.Listed listed) {
        return EventRows.bind(spec, event)
                .bind("listedFrom", listed.from())
                .bind("listedUntil", listed.until())
                .bind("starts", listed.starts())
                .bind("ends", listed.ends());
    }

    /**
     * Removes the event in {@code version} and appends the entry that withdraws it, in one round
     * trip; false when someone was faster (and then nothing is written).
     */
    public Mono<Boolean> delete(UUID id, long version, Outbox.Entry withdrawn) {
        return withdrawn.bind(database.sql(DELETE)
                        .bind("id", id)
                        .bind("version", version))
                .map(row -> row.get("deleted", Long.class))
                .one()
                .handle((count, sink) -> sink.next(withdrawn.appendedIf(count == 1)));
    }

    /**
     * Series whose announced starts ran low by {@code now}, longest waiting first, locked for the
     * caller's transaction; rows another transaction holds are skipped, not waited for.
     */
    public Flux<UUID> dueForAnnouncement(Instant now, int limit) {
        return database.sql(DUE_FOR_ANNOUNCEMENT)
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("limit", limit)
                .map(row -> row.get("id", UUID.class))
                .all();
    }
}
