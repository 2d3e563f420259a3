package de.stadtportal.search.reindex.persistence;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The lifecycle of index generations in {@code search_generation}: building, then active, then
 * retired. Queries resolve the active generation inside their own statement, so the switch in
 * {@link #activate} is seen by each query entirely or not at all.
 */
@Repository
public class GenerationRepository {

    private static final String CREATE = """
            INSERT INTO search_generation (id, state)
            SELECT nextval('search_generation_id'), 'building'
            WHERE NOT EXISTS (SELECT 1 FROM search_generation WHERE state = 'building')
            RETURNING id
            """;

    private static final String RETIRE_ACTIVE = """
            UPDATE search_generation SET state = 'retired' WHERE state = 'active' RETURNING id
            """;

    private static final String ACTIVATE = """
            UPDATE search_generation SET state = 'active', activated_at = now()
            WHERE id = :id AND state = 'building'
            """;

    /** Marks a generation retired or failed; the active one is never touched. */
    private static final String MARK = """
            UPDATE search_generation SET state = :state WHERE id = :id AND state <> 'active'
            """;

    private static final String DELETE_WORDS = "DELETE FROM search_word WHERE generation = :id";

    private static final String DELETE_DOCUMENTS = "DELETE FROM search_document WHERE generation = :id";

    private static final String BUILDING = "SELECT id FROM search_generation WHERE state = 'building'";

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    GenerationRepository(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    /** A new empty generation, or nothing if one is being built already (by this or another instance). */
    public Mono<Long> create() {
        return database.sql(CREATE)
                .map(row -> row.get("id", Long.class))
                .one();
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
        return transactions.transactional(database.sql(MARK).bind("state", state).bind("id", generation).then()
                .then(database.sql(DELETE_WORDS).bind("id", generation).then())
                .then(database.sql(DELETE_DOCUMENTS).bind("id", generation).then()));
    }

    /** Generations left building by an instance that stopped mid-reindex; they will never finish. */
    public Mono<Void> discardAbandoned() {
        return database.sql(BUILDING)
                .map(row -> row.get("id", Long.class))
                .all()
                .concatMap(id -> discard(id, "failed"))
                .then();
    }
}
