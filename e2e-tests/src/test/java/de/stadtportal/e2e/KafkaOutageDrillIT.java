package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.e2e.FaultDrill.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault drill "Kafka stopped for 30 seconds during 5,000 writes" (that size with
 * {@code -Dstadtportal.drills=full}; in {@code ./mvnw verify} 300 writes and ten seconds): the broker
 * goes away while editors publish articles and events. Writes
 * only need the services' own databases (the event waits in the outbox), so every one is accepted;
 * once the broker is back, the relays deliver the backlog and search finds each write exactly once.
 */
class KafkaOutageDrillIT {

    private static final int WRITES = FaultDrill.size(300, 5_000);
    private static final Duration OUTAGE = FaultDrill.size(Duration.ofSeconds(10), Duration.ofSeconds(30));
    private static final Duration PATIENCE = FaultDrill.size(Duration.ofSeconds(120), Duration.ofSeconds(600));

    @Test
    void every_write_during_a_kafka_outage_is_accepted_and_found_exactly_once_after_the_broker_is_back() {
        FaultDrill drill = new FaultDrill("kafkadrill");
        List<Write> writes;
        int writtenWhileDown;
        try (FaultDrill.Writers writers = drill.write(FaultDrill.WRITERS, WRITES, FaultDrill.PACE)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> writers.answered() >= WRITES / 6);

            drill.platform().stopKafka();
            Instant stopped = Instant.now();
            int before = writers.answered();
            try {
                await().atMost(OUTAGE.plus(PATIENCE)).pollInterval(Duration.ofMillis(200)).until(() ->
                        Duration.between(stopped, Instant.now()).compareTo(OUTAGE) >= 0
                                && (writers.answered() - before >= WRITES / 4 || writers.answered() >= WRITES));
            } finally {
                writtenWhileDown = writers.answered() - before;
                drill.platform().startKafka();
            }
            writes = writers.awaitAll(PATIENCE);
        }
        System.out.println("Kafka outage drill: " + FaultDrill.tally(writes) + ", " + writtenWhileDown
                + " answered while Kafka was down");

        assertThat(writtenWhileDown).as("writes answered while Kafka was down").isGreaterThanOrEqualTo(WRITES / 4);
        assertThat(writes).hasSize(WRITES);
        assertThat(writes).as("writes not accepted while only Kafka was away")
                .filteredOn(write -> !write.accepted()).extracting(Write::describe).isEmpty();
        drill.assertEveryAcceptedWriteIsFoundOnceAndRefusedOnesLeftNothing(writes, PATIENCE);
    }
}
