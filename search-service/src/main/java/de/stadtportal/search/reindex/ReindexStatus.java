package de.stadtportal.search.reindex;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Progress of the latest reindex as {@code GET /api/search/reindex} shows it.
 *
 * @param state {@code idle}, {@code running}, {@code done} or {@code failed}
 * @param read records replayed so far, out of {@code total} (the topics' size when it started)
 * @param skipped records that break their contract and were left out (the live consumer dead-letters them)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReindexStatus(String state, Long generation, long read, long total, long skipped, Instant startedAt,
        Instant finishedAt, String error) {

    static final ReindexStatus IDLE = new ReindexStatus("idle", null, 0, 0, 0, null, null, null);

    static ReindexStatus started(long generation) {
        return new ReindexStatus("running", generation, 0, 0, 0, Instant.now(), null, null);
    }

    boolean running() {
        return "running".equals(state);
    }

    ReindexStatus progress(long read, long total, long skipped) {
        return new ReindexStatus(state, generation, read, total, skipped, startedAt, null, null);
    }

    ReindexStatus done() {
        return new ReindexStatus("done", generation, read, total, skipped, startedAt, Instant.now(), null);
    }

    ReindexStatus failed(Throwable error) {
        return new ReindexStatus("failed", generation, read, total, skipped, startedAt, Instant.now(),
                error.getClass().getSimpleName() + ": " + error.getMessage());
    }
}
