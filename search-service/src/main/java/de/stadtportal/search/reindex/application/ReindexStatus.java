package de.stadtportal.search.reindex.application;

import de.stadtportal.search.reindex.persistence.GenerationRepository;
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

    /** As stored with its generation: building is running, active or retired is done. */
    static ReindexStatus of(GenerationRepository.Reindex stored) {
        String state = switch (stored.state()) {
            case "building" -> "running";
            case "failed" -> "failed";
            default -> "done";
        };
        return new ReindexStatus(state, stored.generation(), stored.read(), stored.total(), stored.skipped(),
                stored.startedAt(), stored.finishedAt(), stored.error());
    }

    static ReindexStatus started(long generation, Instant now) {
        return new ReindexStatus("running", generation, 0, 0, 0, now, null, null);
    }

    /** This reindex in {@code state} with the counts given, as the instance running it sees it. */
    ReindexStatus at(String state, long read, long total, long skipped) {
        return new ReindexStatus(state, generation, read, total, skipped, startedAt, null, null);
    }
}
