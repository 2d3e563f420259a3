package de.stadtportal.search.reindex.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * A reindex's progress as an operator's graph shows it, read from the status when scraped:
 * {@code stadtportal.search.reindex.running} (1 while one runs), {@code .records} read so far and
 * {@code .total} (the topics' size when it started), and {@code .progress}, read over total
 * (1 once it is done, 0 before the first).
 */
final class ReindexMetrics {

    private ReindexMetrics() {
    }

    static void register(MeterRegistry meters, Supplier<ReindexStatus> status) {
        Gauge.builder("stadtportal.search.reindex.running", status, s -> s.get().running() ? 1 : 0)
                .description("1 while a reindex runs in this instance")
                .register(meters);
        Gauge.builder("stadtportal.search.reindex.records", status, s -> s.get().read())
                .description("Records the latest reindex has replayed so far")
                .register(meters);
        Gauge.builder("stadtportal.search.reindex.total", status, s -> s.get().total())
                .description("Records the latest reindex replays: the topics' size when it started")
                .register(meters);
        Gauge.builder("stadtportal.search.reindex.progress", status, s -> progress(s.get()))
                .description("How much of the latest reindex is done, 0 to 1")
                .register(meters);
    }

    private static double progress(ReindexStatus status) {
        if ("done".equals(status.state())) {
            return 1;
        }
        // the total counts offsets, and a compacted topic has gaps: read may end below it
        return status.total() == 0 ? 0 : Math.min(1, (double) status.read() / status.total());
    }
}
