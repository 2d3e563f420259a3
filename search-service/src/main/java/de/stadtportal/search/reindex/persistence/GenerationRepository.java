package de.stadtportal.search.reindex.persistence;

import java.time.Duration;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The lifecycle of index generations in {@code search_generation}: building, then active, then
 * retired. Queries resolve the active generation inside their own statement, so the switch in
 * {@link #activate} is seen by each query entirely or not at all. A generation being built is
 * leased to the instance building it: it beats ({@link #heartbeat}) with its progress, and any
 * instance may discard it once the beats have stopped for longer than the lease.
 */
@Repository
public class GenerationRepository {

    private static final String CREATE = """
            INSERT INTO search_generation (id, state, owner, heartbeat_at)
            SELECT nextval('search_generation_id'), 'building', :owner, now()
            WHERE NOT EXISTS (SELECT 1 FROM search_generation WHERE state = 'building')
            ON CONFLICT DO NOTHING
            RETURNING id
            """;

    private static final String HEARTBEAT = """
            UPDATE search_generation
            SET heartbeat_at = now(), read_records = :read, total_records = :total, skipped_records = :skipped
            WHERE id = :id AND owner = :owner AND state IN ('building', 'active')
            """;

    private static final String RETIRE_ACTIVE = """
            UPDATE search_generation SET state = 'retired' WHERE state = 'active' RETURNING id
            """;

    private static final String ACTIVATE = """
            UPDATE search_generation SET state = 'active', activated_at = now(), finished_at = now()
            WHERE id = :id AND state = 'building'
            """;

    /** Marks a generation retired or failed; the active one is never touched. */
    private static final String MARK = """
            UPDATE search_generation SET state = :state, finished_at = coalesce(finished_at, now()),
                error = coalesce(error, :error)
            WHERE id = :id AND state <> 'active'
            """;

    private static final String DELETE_WORDS = "DELETE FROM search_word WHERE generation = :id";

    private static final String DELETE_DOCUMENTS = "DELETE FROM search_document WHERE generation = :id";

    private static final String ABANDONED = """
            SELECT id FROM search_generation
            WHERE state = 'building' AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => :lease))
            """;

    /** The latest reindex: the newest generation one was started for (the first generation never was). */
    private static final String LATEST = """
            SELECT id, state, owner, read_records, total_records, skipped_records, created_at, finished_at, error
            FROM search_generation WHERE owner IS NOT NULL ORDER BY id DESC LIMIT 1
            """;

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    GenerationRepository(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    /**
     * A new empty generation leased to {@code owner}, or nothing if one is being built already (by this
     * or another instance).
     */
    public Mono<Long> create(String owner) {
        return database.sql(CREATE)
                .bind("owner", owner)
                .map(row -> row.get("id", Long.class))
                .one();
    }

    /**
     * Renews {@code owner}'s lease on a generation it builds and records its progress (the last time
     * just after it became active); answers false when the generation is no longer its own (discarded
     * as abandoned by another instance).
     */
    public Mono<Boolean> heartbeat(long generation, String owner, long read, long total, long skipped) {
        return database.sql(HEARTBEAT)
                .bind("id", generation)
                .bind("owner", owner)
                .bind("read", read)
                .bind("total", total)
                .bind("skipped", skipped)
                .fetch().rowsUpdated()
                .map(updated -> updated == 1);
    }

    /** Makes {@code generation} the active one in one transaction; answers the generation it replaced. */
    public Mono<Long> activate(long generation) {
        Mono<Long> retire = database.sql(RETIRE_ACTIVE)
                .map(row -> row.get("id", Long.class))
                .one()
                .defaultIfEmpty(0L);
        Mono<Long> activate = database.sql(ACTIVATE)
                .bind("id", generation)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.just(updated)
                        : Mono.error(new IllegalStateException("Generation " + generation + " is no longer building")))
                .then(Mono.empty());
        return transactions.transactional(retire.flatMap(old -> activate.thenReturn(old)));
    }

    /** Deletes the rows of a generation that no longer answers (retired, or failed while building). */
    public Mono<Void> discard(long generation, String state) {
        return discard(generation, state, null);
    }

    /** As {@link #discard(long, String)}, keeping why it failed for the status. */
    public Mono<Void> discard(long generation, String state, String error) {
        DatabaseClient.GenericExecuteSpec mark = database.sql(MARK).bind("state", state).bind("id", generation);
        mark = error == null ? mark.bindNull("error", String.class) : mark.bind("error", error);
        return transactions.transactional(mark.then()
                .then(database.sql(DELETE_WORDS).bind("id", generation).then())
                .then(database.sql(DELETE_DOCUMENTS).bind("id", generation).then()));
    }

    /**
     * Generations left building by an instance that stopped mid-reindex: their heartbeat is older than
     * {@code lease}, so they will never finish; a reindex that is still beating is left alone.
     */
    public Mono<Void> discardAbandoned(Duration lease) {
        return database.sql(ABANDONED)
                .bind("lease", lease.toMillis() / 1000.0)
                .map(row -> row.get("id", Long.class))
                .all()
                .collectList()
                .flatMapIterable(ids -> ids)
                .concatMap(id -> discard(id, "failed", "abandoned: its instance stopped renewing its lease"))
                .then();
    }

    /** The latest reindex as stored, wherever it runs or ran; empty when none was ever started. */
    public Mono<Reindex> latest() {
        return database.sql(LATEST)
                .map(row -> new Reindex(row.get("id", Long.class), row.get("state", String.class),
                        row.get("owner", String.class), row.get("read_records", Long.class),
                        row.get("total_records", Long.class), row.get("skipped_records", Long.class),
                        row.get("created_at", Instant.class), row.get("finished_at", Instant.class),
                        row.get("error", String.class)))
                .one();
    }

    /** One reindex as {@code search_generation} keeps it. */
    public record Reindex(long generation, String state, String owner, long read, long total, long skipped,
            Instant startedAt, Instant finishedAt, String error) {
    }
}
