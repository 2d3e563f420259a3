package de.stadtportal.search.reindex.application;

import de.stadtportal.kernel.Caller;
import de.stadtportal.kernel.refusal.RuleBroken;
import de.stadtportal.search.reindex.persistence.GenerationRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Starts reindexes and tells how the latest one went; both for admins. One reindex runs at a time
 * across all instances: the database allows one {@code building} generation. Its state and progress
 * live with that generation, so every instance answers the same status. The instance building it
 * holds a lease that it renews every {@link #BEAT}; an instance that starts, or an admin who starts
 * a reindex, discards a building generation only when its lease ran out (its instance died), never
 * one whose instance is still at work. The replay itself is the {@link ReindexJob}'s, on a thread
 * of its own.
 */
@Service
public class ReindexService {

    /** How often the building instance renews its lease, whatever the replay is doing. */
    static final Duration BEAT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(ReindexService.class);
    private static final String RUNNING = "A reindex is running already";
    private static final Duration STEP = Duration.ofMinutes(1);

    private final ReindexJob job;
    private final GenerationRepository generations;
    private final Clock clock;
    private final Duration lease;
    private final String owner;
    /** The reindex this instance runs or ran last, for its gauges; the status API reads the database. */
    private final AtomicReference<ReindexStatus> here = new AtomicReference<>(ReindexStatus.IDLE);

    @Autowired
    ReindexService(ReindexJob job, GenerationRepository generations, Clock clock,
            @Value("${stadtportal.search.reindex.lease:60s}") Duration lease, MeterRegistry meters) {
        this(job, generations, clock, lease,
                ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
        ReindexMetrics.register(meters, here::get);
    }

    /** {@code owner} names this instance in the generations it builds. */
    ReindexService(ReindexJob job, GenerationRepository generations, Clock clock, Duration lease, String owner) {
        if (lease.compareTo(BEAT.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("The reindex lease must cover at least three beats of " + BEAT);
        }
        this.job = job;
        this.generations = generations;
        this.clock = clock;
        this.lease = lease;
        this.owner = owner;
    }

    /**
     * A generation left building by an instance that stopped mid-reindex will never finish; one whose
     * instance still renews its lease is another instance's running reindex and stays.
     */
    @EventListener(ApplicationReadyEvent.class)
    void discardAbandonedGenerations() {
        discardAbandoned().subscribe();
    }

    /** What an instance does at its start, as a {@link Mono} that ends when it is done. */
    Mono<Void> discardAbandoned() {
        return generations.discardAbandoned(lease)
                .doOnError(error -> log.warn("Could not discard abandoned index generations: {}", error.toString()))
                .onErrorResume(error -> Mono.empty());
    }

    /** The state of the last (or running) reindex, whichever instance runs or ran it. */
    public Mono<ReindexStatus> status(Caller caller) {
        caller.requireAdmin();
        return generations.latest().map(ReindexStatus::of).defaultIfEmpty(ReindexStatus.IDLE);
    }

    /** Starts a reindex and answers at once; refused while one is running on any instance. */
    public Mono<ReindexStatus> start(Caller caller) {
        caller.requireAdmin();
        return generations.discardAbandoned(lease)
                .then(generations.create(owner))
                .switchIfEmpty(Mono.error(() -> new RuleBroken(RUNNING)))
                .map(generation -> {
                    ReindexStatus started = ReindexStatus.started(generation, clock.instant());
                    here.set(started);
                    Thread worker = new Thread(() -> rebuild(started), "search-reindex-" + generation);
                    worker.setDaemon(true);
                    worker.start();
                    return started;
                });
    }

    private void rebuild(ReindexStatus started) {
        long generation = started.generation();
        AtomicReference<long[]> progress = new AtomicReference<>(new long[3]);
        AtomicBoolean lost = new AtomicBoolean();
        Disposable beats = Flux.interval(BEAT)
                .concatMap(tick -> beat(generation, progress.get()).onErrorResume(error -> Mono.just(true)))
                .subscribe(held -> lost.compareAndSet(false, !held));
        try {
            job.rebuild(generation, (read, total, skipped) -> {
                if (lost.get()) {
                    throw new IllegalStateException("Generation " + generation + " is no longer this instance's to"
                            + " build: its lease ran out and another instance discarded it");
                }
                progress.set(new long[] {read, total, skipped});
                here.set(started.at("running", read, total, skipped));
            });
            long[] done = progress.get();
            here.set(started.at("done", done[0], done[1], done[2]));
            log.info("Reindex into generation {} done: {} records", generation, progress.get()[0]);
        } catch (RuntimeException error) {
            log.error("Reindex into generation {} failed", generation, error);
            long[] failed = progress.get();
            here.set(started.at("failed", failed[0], failed[1], failed[2]));
            job.discard(generation, error.getClass().getSimpleName() + ": " + error.getMessage());
        } finally {
            beats.dispose();
            // the last progress, unless the generation is done or gone (then nothing is updated)
            beat(generation, progress.get()).onErrorResume(error -> Mono.just(false)).block(STEP);
        }
    }

    private Mono<Boolean> beat(long generation, long[] progress) {
        return generations.heartbeat(generation, owner, progress[0], progress[1], progress[2]);
    }
}
