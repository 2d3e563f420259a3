package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.e2e.FaultDrill.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fault drill "Kafka stopped for 30 seconds during 5,000 writes" (that size with
 * {@code -Dstadtportal.drills=full}; in {@code ./mvnw verify} 300 writes and ten seconds): the broker
 * goes away while editors publish articles and events. Writes
 * only need the services' own databases (the event waits in the outbox), so every one is accepted;
 * once the broker is back, the relays deliver the backlog and search finds each write exactly once.
 * <p>
 * At full size the operator's side is checked too, on the test platform's own Prometheus with the
 * repository's rules as they are ({@link PrometheusAlerts}): the broker stays away until
 * {@code OutboxStuck} fires for both outboxes (content and events), which takes the rule's 5 minutes
 * of age and its 2 minutes of {@code for}, so the outage lasts at least 7 minutes (plus scrapes and
 * evaluations, 10 s apart); once the relays have delivered, the alert ends. The short drill's ten seconds are far below
 * the rule's threshold, and no honest sample makes an outbox five minutes old in ten seconds: there
 * the rule is left to its unit tests ({@code alerts.test.yml}).
 */
class KafkaOutageDrillIT {

    private static final int WRITES = FaultDrill.size(300, 5_000);
    private static final Duration OUTAGE = FaultDrill.size(Duration.ofSeconds(10), Duration.ofSeconds(30));
    private static final Duration PATIENCE = FaultDrill.size(Duration.ofSeconds(120), Duration.ofSeconds(600));
    /** 5 min of age and 2 min of {@code for}, plus scrapes and evaluations: generous, a failure detector only. */
    private static final Duration ALERT_PATIENCE = Duration.ofMinutes(12);
    private static final Set<Map<String, String>> OUTBOXES = Set.of(Map.of("application", "content-service"),
            Map.of("application", "events-service"));

    @Test
    void every_write_during_a_kafka_outage_is_accepted_and_found_exactly_once_after_the_broker_is_back() {
        FaultDrill drill = new FaultDrill("kafkadrill");
        PrometheusAlerts alerts = FaultDrill.FULL ? PrometheusAlerts.ofRunningPlatform() : null;
        if (alerts != null) {
            alerts.awaitEveryTargetUp(Duration.ofMinutes(2));
            alerts.awaitQuiet("OutboxStuck", ALERT_PATIENCE);
        }
        List<Write> writes;
        int writtenWhileDown;
        Duration firedAfter = null;
        try (FaultDrill.Writers writers = drill.write(FaultDrill.WRITERS, WRITES, FaultDrill.PACE)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> writers.answered() >= WRITES / 6);

            drill.platform().stopKafka();
            Instant stopped = Instant.now();
            int before = writers.answered();
            try {
                await().atMost(OUTAGE.plus(PATIENCE)).pollInterval(Duration.ofMillis(200)).until(() ->
                        Duration.between(stopped, Instant.now()).compareTo(OUTAGE) >= 0
                                && (writers.answered() - before >= WRITES / 4 || writers.answered() >= WRITES));
                if (alerts != null) {
                    // the broker stays away until the operator is told, as the rules decide
                    firedAfter = alerts.awaitFiring("OutboxStuck", OUTBOXES, stopped, ALERT_PATIENCE);
                    assertThat(alerts.in("firing", "OutboxStuck", "application")).as("outboxes stuck").isEqualTo(OUTBOXES);
                }
            } finally {
                writtenWhileDown = writers.answered() - before;
                drill.platform().startKafka();
            }
            writes = writers.awaitAll(PATIENCE);
        }
        System.out.println("Kafka outage drill: " + FaultDrill.tally(writes) + ", " + writtenWhileDown
                + " answered while Kafka was down" + (firedAfter == null ? ""
                        : "; OutboxStuck fired for content and events " + PrometheusAlerts.minutes(firedAfter)
                                + " after the broker stopped"));

        assertThat(writtenWhileDown).as("writes answered while Kafka was down").isGreaterThanOrEqualTo(WRITES / 4);
        assertThat(writes).hasSize(WRITES);
        assertThat(writes).as("writes not accepted while only Kafka was away")
                .filteredOn(write -> !write.accepted()).extracting(Write::describe).isEmpty();
        drill.assertEveryAcceptedWriteIsFoundOnceAndRefusedOnesLeftNothing(writes, PATIENCE);
        if (alerts != null) {
            // everything delivered: no event waits, and the alert ends
            alerts.awaitQuiet("OutboxStuck", Duration.ofMinutes(3));
        }
    }
}
