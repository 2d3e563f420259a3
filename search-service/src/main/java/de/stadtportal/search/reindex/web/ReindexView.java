package de.stadtportal.search.reindex.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.stadtportal.search.reindex.application.ReindexStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * Progress of the latest reindex as {@code GET /api/search/reindex} shows it.
 *
 * @param state {@code idle}, {@code running}, {@code done} or {@code failed}
 * @param read records replayed so far, out of {@code total} (the topics' size when it started)
 * @param skipped records that break their contract and were left out (the live listener dead-letters them)
 */
@Schema(name = "ReindexStatus")
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReindexView(String state, Long generation, long read, long total, long skipped, Instant startedAt,
        Instant finishedAt, String error) {

    static ReindexView of(ReindexStatus status) {
        return new ReindexView(status.state(), status.generation(), status.read(), status.total(), status.skipped(),
                status.startedAt(), status.finishedAt(), status.error());
    }
}
