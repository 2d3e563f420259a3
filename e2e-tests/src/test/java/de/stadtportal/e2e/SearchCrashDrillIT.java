package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.e2e.FaultDrill.Write;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fault drill, short version of issue 8's "the search service killed (SIGKILL) in the middle of
 * indexing and started again": four editors write a burst of articles and events; once search has
 * indexed some of them but not all, the search JVM is killed without warning. While it is gone the
 * gateway answers searches with a 503 problem at once and writes go on; after the restart the
 * consumer resumes from its last committed offsets, and every write is found exactly once —
 * nothing lost between "applied" and "offset committed", nothing doubled by the redelivery.
 */
class SearchCrashDrillIT {

    private static final int WRITES = FaultDrill.size(300, 5_000);
    /** A burst without pauses in the short drill; at full size the paced writers of every drill. */
    private static final Duration PAUSE = FaultDrill.size(Duration.ZERO, FaultDrill.PACE);
    /** Indexed documents before the kill: well into the burst, yet far from its end. */
    private static final int KILL_AFTER = FaultDrill.size(20, 800);
    private static final Duration PATIENCE = FaultDrill.size(Duration.ofSeconds(120), Duration.ofSeconds(600));

    @Test
    void search_killed_while_indexing_a_burst_finds_every_write_exactly_once_after_its_restart() {
        FaultDrill drill = new FaultDrill("crashdrill");
        AtomicInteger indexedAtKill = new AtomicInteger();
        List<Write> writes;
        Gateway.Answer whileDown;
        try (FaultDrill.Writers writers = drill.write(FaultDrill.WRITERS, WRITES, PAUSE)) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
                int indexed = drill.searchTotal(drill.marker());
                indexedAtKill.set(indexed);
                // indexing has begun, lags behind the writes, and the burst goes on
                return indexed >= KILL_AFTER && indexed < writers.accepted() && writers.answered() < WRITES;
            });
            drill.platform().killService("search-service");
            try {
                whileDown = drill.gateway().get("/api/search?q=" + drill.marker());
                writes = writers.awaitAll(PATIENCE);
            } finally {
                drill.platform().restartService("search-service");
            }
        }
        System.out.println("Search crash drill: " + FaultDrill.tally(writes) + ", " + indexedAtKill.get()
                + " indexed when search was killed");

        assertThat(whileDown.status()).as(whileDown.raw().body()).isEqualTo(503);
        assertThat(whileDown.contentType()).startsWith("application/problem+json");
        assertThat(writes).hasSize(WRITES);
        assertThat(writes).as("writes not accepted while only search was away")
                .filteredOn(write -> !write.accepted()).extracting(Write::describe).isEmpty();
        drill.assertEveryAcceptedWriteIsFoundOnceAndRefusedOnesLeftNothing(writes, PATIENCE);
    }
}
