package de.stadtportal.search.reindex.application;

import de.stadtportal.kernel.Caller;
import de.stadtportal.kernel.refusal.RuleBroken;
import de.stadtportal.search.reindex.persistence.GenerationRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Starts reindexes and tells how the latest one went; both for admins. One reindex runs at a time,
 * in this instance and, through the one {@code building} generation the database allows, in any
 * other. The replay itself is the {@link ReindexJob}'s, on a thread of its own; its progress is
 * kept here in memory.
 */
@Service
public class ReindexService {

    private static final Logger log = LoggerFactory.getLogger(ReindexService.class);
    private static final String RUNNING = "A reindex is running already";

    private final ReindexJob job;
    private final GenerationRepository generations;
    private final Clock clock;
    private final AtomicReference<ReindexStatus> status = new AtomicReference<>(ReindexStatus.IDLE);

    ReindexService(ReindexJob job, GenerationRepository generations, Clock clock, MeterRegistry meters) {
        this.job = job;
        this.generations = generations;
        this.clock = clock;
        ReindexMetrics.register(meters, status::get);
    }

    /** A generation left building by an instance that stopped mid-reindex will never finish. */
    @EventListener(ApplicationReadyEvent.class)
    void discardAbandonedGenerations() {
        generations.discardAbandoned()
                .doOnError(error -> log.warn("Could not discard abandoned index generations: {}", error.toString()))
                .onErrorResume(error -> Mono.empty())
                .subscribe();
    }

    /** The state of the last (or running) reindex. */
    public ReindexStatus status(Caller caller) {
        caller.requireAdmin();
        return status.get();
    }

    /** Starts a reindex and answers at once; refused while one is running. */
    public Mono<ReindexStatus> start(Caller caller) {
        caller.requireAdmin();
        ReindexStatus before = status.get();
        if (before.running()) {
            return Mono.error(new RuleBroken(RUNNING));
        }
        return generations.create()
                .switchIfEmpty(Mono.error(() -> new RuleBroken(RUNNING)))
                .map(generation -> {
                    ReindexStatus started = ReindexStatus.started(generation, clock.instant());
                    if (!status.compareAndSet(before, started)) {
                        throw new RuleBroken(RUNNING);
                    }
                    Thread worker = new Thread(() -> rebuild(generation), "search-reindex-" + generation);
                    worker.setDaemon(true);
                    worker.start();
                    return started;
                });
    }

    private void rebuild(long generation) {
        try {
            job.rebuild(generation,
                    (read, total, skipped) -> status.updateAndGet(current -> current.progress(read, total, skipped)));
            status.updateAndGet(current -> current.done(clock.instant()));
            log.info("Reindex into generation {} done: {}", generation, status.get());
        } catch (RuntimeException error) {
            log.error("Reindex into generation {} failed", generation, error);
            status.updateAndGet(current -> current.failed(error, clock.instant()));
            job.discard(generation);
        }
    }
}
