package de.stadtportal.search.reindex.application;

import java.time.Instant;

/**
 * Progress of the latest reindex.
 *
 * @param state {@code idle}, {@code running}, {@code done} or {@code failed}
 * @param read records replayed so far, out of {@code total} (the topics' size when it started)
 * @param skipped records that break their contract and were left out (the live listener dead-letters them)
 */
public record ReindexStatus(String state, Long generation, long read, long total, long skipped, Instant startedAt,
        Instant finishedAt, String error) {

    static final ReindexStatus IDLE = new ReindexStatus("idle", null, 0, 0, 0, null, null, null);

    static ReindexStatus started(long generation, Instant now) {
        return new ReindexStatus("running", generation, 0, 0, 0, now, null, null);
    }

    boolean running() {
        return "running".equals(state);
    }

    ReindexStatus progress(long read, long total, long skipped) {
        return new ReindexStatus(state, generation, read, total, skipped, startedAt, null, null);
    }

    ReindexStatus done(Instant now) {
        return new ReindexStatus("done", generation, read, total, skipped, startedAt, now, null);
    }

    ReindexStatus failed(Throwable error, Instant now) {
        return new ReindexStatus("failed", generation, read, total, skipped, startedAt, now,
                error.getClass().getSimpleName() + ": " + error.getMessage());
    }
}
