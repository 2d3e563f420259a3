package de.stadtportal.events.event.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Which event an iCalendar import made of which UID, per city (table {@code imported_event}): one
 * statement takes the city's turn, one reads the UIDs of a calendar already imported, one records
 * those it made events of.
 */
@Repository
public class ImportedEventRepository {

    /** Held until the transaction ends; the two keys keep it apart from any other advisory lock. */
    private static final String TURN = """
            SELECT pg_advisory_xact_lock(hashtext('imported_event'), hashtext(:city))
            """;
    private static final String KNOWN = """
            SELECT uid, event_id FROM imported_event
             WHERE city = :city AND uid = ANY(CAST(:uids AS TEXT[]))
            """;
    private static final String RECORD = """
            INSERT INTO imported_event (city, uid, event_id, imported_at)
            SELECT :city, made.uid, made.event_id, :at
              FROM unnest(CAST(:uids AS TEXT[]), CAST(:events AS UUID[])) AS made (uid, event_id)
            """;

    private final DatabaseClient database;

    ImportedEventRepository(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Waits until no other import into {@code city} is in a transaction, and keeps the others waiting
     * until the caller's transaction ends. Taken before {@link #known}, whose statement then sees what
     * an import that went first committed.
     */
    public Mono<Void> turn(String city) {
        return database.sql(TURN).bind("city", city).then();
    }

    /** The events made of those of {@code uids} imported into {@code city} before, by UID. */
    public Mono<Map<String, UUID>> known(String city, Collection<String> uids) {
        return database.sql(KNOWN)
                .bind("city", city)
                .bind("uids", uids.toArray(String[]::new))
                .map(row -> Map.entry(row.get("uid", String.class), row.get("event_id", UUID.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Records that {@code events.get(i)} was made of {@code uids.get(i)}, in the caller's transaction. */
    public Mono<Void> record(String city, List<String> uids, List<UUID> events, Instant at) {
        if (uids.isEmpty()) {
            return Mono.empty();
        }
        return database.sql(RECORD)
                .bind("city", city)
                .bind("uids", uids.toArray(String[]::new))
                .bind("events", events.toArray(UUID[]::new))
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .then();
    }
}
