package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.e2e.FaultDrill.Write;
import de.stadtportal.launcher.LocalPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fault drill, short version of issue 8's "the search service killed (SIGKILL) in the middle of
 * indexing and started again": four editors write a burst of articles and events; once search has
 * indexed some of them but not all, the search JVM is killed without warning. While it is gone the
 * gateway answers searches with a 503 problem at once and writes go on; after the restart the
 * consumer resumes from its last committed offsets, and every write is found exactly once —
 * nothing lost between "applied" and "offset committed", nothing doubled by the redelivery.
 * <p>
 * The operator's side: the short drill scrapes every service's metrics endpoint before and after
 * the kill, as Prometheus does ({@code up}: 1 answered, 0 failed), and promtool finds
 * {@code ServiceDown} pending for search and for nothing else ({@link ScrapedAlerts}). Pending, not
 * firing: the rule wants {@code up == 0} for a minute, and the short drill's search is away for
 * seconds; counting its two scrapes as a minute apart would claim a minute that never passed.
 * <p>
 * At full size ({@code -Dstadtportal.drills=full}) the test platform's own Prometheus evaluates the
 * repository's rules as they are ({@link PrometheusAlerts}), and search stays dead until
 * {@code ServiceDown{job="search-service"}} and {@code SearchNotIndexing} both fire, while one editor
 * goes on writing every few seconds (the second alert wants changes published and none indexed for
 * its 5-minute window and then 5 minutes of {@code for}). Search is away at least 10 minutes (plus
 * scrapes and evaluations, 10 s apart); after the restart {@code ServiceDown} ends, and the editor's writes are found
 * exactly once with the rest.
 */
class SearchCrashDrillIT {

    private static final int WRITES = FaultDrill.size(300, 5_000);
    /** A burst without pauses in the short drill; at full size the paced writers of every drill. */
    private static final Duration PAUSE = FaultDrill.size(Duration.ZERO, FaultDrill.PACE);
    /** Indexed documents before the kill: well into the burst, yet far from its end. */
    private static final int KILL_AFTER = FaultDrill.size(20, 800);
    private static final Duration PATIENCE = FaultDrill.size(Duration.ofSeconds(120), Duration.ofSeconds(600));
    /** The 5-minute window and 5 minutes of {@code for} of SearchNotIndexing, plus scrapes: a failure detector only. */
    private static final Duration ALERT_PATIENCE = Duration.ofMinutes(15);
    /** How often the one editor writes while the full drill waits for the alerts. */
    private static final Duration TRICKLE = Duration.ofSeconds(3);
    private static final String SEARCH = "search-service";

    @Test
    void search_killed_while_indexing_a_burst_finds_every_write_exactly_once_after_its_restart() {
        FaultDrill drill = new FaultDrill("crashdrill");
        PrometheusAlerts alerts = FaultDrill.FULL ? PrometheusAlerts.ofRunningPlatform() : null;
        if (alerts != null) {
            alerts.awaitEveryTargetUp(Duration.ofMinutes(2));
            alerts.awaitQuiet("ServiceDown", ALERT_PATIENCE);
            alerts.awaitQuiet("SearchNotIndexing", ALERT_PATIENCE);
        }
        Map<String, String> targets = new LinkedHashMap<>();
        LocalPlatform.SERVICES.forEach(service -> targets.put(service, drill.platform().managementUrl(service)));
        ScrapedAlerts up = new ScrapedAlerts("up");
        AtomicInteger indexedAtKill = new AtomicInteger();
        List<Write> writes;
        List<Write> whileWaiting = List.of();
        Gateway.Answer whileDown;
        String fired = "";
        up.scrapeUp(targets);
        try (FaultDrill.Writers writers = drill.write(FaultDrill.WRITERS, WRITES, PAUSE)) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
                int indexed = drill.searchTotal(drill.marker());
                indexedAtKill.set(indexed);
                // indexing has begun, lags behind the writes, and the burst goes on
                return indexed >= KILL_AFTER && indexed < writers.accepted() && writers.answered() < WRITES;
            });
            drill.platform().killService(SEARCH);
            Instant killed = Instant.now();
            try {
                up.scrapeUp(targets);
                whileDown = drill.gateway().get("/api/search?q=" + drill.marker());
                if (alerts == null) {
                    writes = writers.awaitAll(PATIENCE);
                } else {
                    // search stays dead until the operator is told, as the rules decide; one editor goes on writing
                    try (FaultDrill.Writers editor = drill.write(1, Integer.MAX_VALUE, TRICKLE)) {
                        Duration down = alerts.awaitFiring("ServiceDown", Set.of(Map.of("job", SEARCH)), killed,
                                ALERT_PATIENCE);
                        assertThat(alerts.in("firing", "ServiceDown", "job")).as("services down")
                                .isEqualTo(Set.of(Map.of("job", SEARCH)));
                        writes = writers.awaitAll(PATIENCE);
                        Duration notIndexing = alerts.awaitFiring("SearchNotIndexing", Set.of(Map.of()), killed,
                                ALERT_PATIENCE);
                        whileWaiting = editor.stop(Duration.ofSeconds(60));
                        fired = "; ServiceDown fired for search " + PrometheusAlerts.minutes(down)
                                + " and SearchNotIndexing " + PrometheusAlerts.minutes(notIndexing) + " after the kill, "
                                + whileWaiting.size() + " writes by the one editor meanwhile";
                    }
                }
            } finally {
                drill.platform().restartService(SEARCH);
            }
        }
        System.out.println("Search crash drill: " + FaultDrill.tally(writes) + ", " + indexedAtKill.get()
                + " indexed when search was killed" + fired);

        up.assertActiveFor("ServiceDown", "pending", Set.of(Map.of("job", SEARCH)));
        assertThat(whileDown.status()).as(whileDown.raw().body()).isEqualTo(503);
        assertThat(whileDown.contentType()).startsWith("application/problem+json");
        assertThat(writes).hasSize(WRITES);
        List<Write> all = new ArrayList<>(writes);
        all.addAll(whileWaiting);
        assertThat(all).as("writes not accepted while only search was away")
                .filteredOn(write -> !write.accepted()).extracting(Write::describe).isEmpty();
        drill.assertEveryAcceptedWriteIsFoundOnceAndRefusedOnesLeftNothing(all, PATIENCE);
        if (alerts != null) {
            alerts.awaitQuiet("ServiceDown", Duration.ofMinutes(2));
        }
    }
}
