package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.e2e.FaultDrill.Write;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fault drill, short version of issue 8's "the content database restarted during writes":
 * PostgreSQL (the databases of content, events and search alike) goes down for three seconds (ten, and
 * 2,000 writes, with {@code -Dstadtportal.drills=full}) and
 * comes back while four editors publish articles and events. A write may be refused while the
 * database is away, but only with a 503 problem, never a 500 or no answer; a refused write leaves
 * nothing behind, and every accepted one is found by search exactly once.
 */
class DatabaseRestartDrillIT {

    private static final int WRITES = FaultDrill.size(240, 2_000);
    private static final Duration DOWN = FaultDrill.size(Duration.ofSeconds(3), Duration.ofSeconds(10));
    private static final Duration PATIENCE = FaultDrill.size(Duration.ofSeconds(180), Duration.ofSeconds(600));

    @Test
    void writes_across_a_database_restart_are_either_found_exactly_once_or_refused_with_a_503_leaving_nothing() {
        FaultDrill drill = new FaultDrill("dbdrill");
        List<Write> writes;
        int before;
        int during;
        try (FaultDrill.Writers writers = drill.write(FaultDrill.WRITERS, WRITES, FaultDrill.PACE)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> writers.answered() >= WRITES / 4);
            before = writers.answered();
            drill.platform().restartDatabase(DOWN);
            during = writers.answered() - before;
            writes = writers.awaitAll(PATIENCE);
        }
        System.out.println("Database restart drill: " + FaultDrill.tally(writes) + ", " + during
                + " answered while PostgreSQL restarted");
        writes.stream().filter(write -> !write.accepted()).limit(3)
                .forEach(write -> System.out.println("  refused: " + write.describe()));

        assertThat(during).as("writes answered while PostgreSQL restarted").isPositive();
        assertThat(writes).hasSize(WRITES);
        assertThat(writes.stream().filter(Write::accepted).count()).as("accepted writes").isPositive();
        FaultDrill.assertAnsweredWithSuccessOr503Problem(writes);
        drill.assertEveryAcceptedWriteIsFoundOnceAndRefusedOnesLeftNothing(writes, PATIENCE);
    }
}
