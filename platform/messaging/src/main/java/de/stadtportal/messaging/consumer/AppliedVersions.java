package de.stadtportal.messaging.consumer;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Remembers the newest version a consumer applied per aggregate. {@link #advance} answers true only
 * for a version newer than the one recorded, and records it; run it in the same transaction as the
 * projection's write, so a duplicate, a replay or a late older version changes nothing, and a
 * removal (which carries a version too) is never undone by an older snapshot arriving after it.
 */
public class AppliedVersions {

    private final DatabaseClient database;

    public AppliedVersions(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Boolean> advance(String aggregateType, String aggregateId, long version) {
        return database.sql("""
                INSERT INTO applied_version (aggregate_type, aggregate_id, version)
                VALUES (:type, :id, :version)
                ON CONFLICT (aggregate_type, aggregate_id) DO UPDATE
                    SET version = excluded.version, applied_at = now()
                    WHERE applied_version.version < excluded.version
                RETURNING version
                """)
                .bind("type", aggregateType)
                .bind("id", aggregateId)
                .bind("version", version)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }

    public Mono<Long> current(String aggregateType, String aggregateId) {
        return database.sql("SELECT version FROM applied_version WHERE aggregate_type = :type AND aggregate_id = :id")
                .bind("type", aggregateType)
                .bind("id", aggregateId)
                .map(row -> row.get("version", Long.class))
                .one();
    }
}
