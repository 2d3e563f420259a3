package de.stadtportal.search.reindex.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * A reindex's progress as an operator's graph shows it, read from the status when scraped:
 * {@code stadtportal.search.reindex.running} (1 while one runs), {@code .replayed}, the records read so far, and
 * {@code .size}, the topics' size when it started (not {@code .total}: Prometheus keeps that suffix
 * for counters), and {@code .progress}, replayed over size
 * (1 once it is done, 0 before the first).
 */
final class ReindexMetrics {

    private ReindexMetrics() {
    }

    /** The gauges hold {@code status} strongly: a lambda is referenced by nothing else and would be collected. */
    static void register(MeterRegistry meters, Supplier<ReindexStatus> status) {
        Gauge.builder("stadtportal.search.reindex.running", status, s -> "running".equals(s.get().state()) ? 1 : 0)
                .description("1 while a reindex runs in this instance")
                .strongReference(true)
                .register(meters);
        Gauge.builder("stadtportal.search.reindex.replayed", status, s -> s.get().read())
                .description("Records the latest reindex has replayed so far")
                .strongReference(true)
                .register(meters);
        Gauge.builder("stadtportal.search.reindex.size", status, s -> s.get().total())
                .description("Records the latest reindex replays: the topics' size when it started")
                .strongReference(true)
                .register(meters);
        Gauge.builder("stadtportal.search.reindex.progress", status, s -> progress(s.get()))
                .description("How much of the latest reindex is done, 0 to 1")
                .strongReference(true)
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
