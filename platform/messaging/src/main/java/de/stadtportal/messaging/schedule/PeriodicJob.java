package de.stadtportal.messaging.schedule;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The shape of a service's background work: a pass runs when the service starts and then every
 * {@code interval}, never two at once, and a pass that fails is logged and left to the next one.
 * By default a tick that comes while a pass runs is dropped; a job woken by other signals as well
 * (a new schedule) merges them in {@link #signals} and keeps the latest instead. Passes take their
 * rows with {@code SKIP LOCKED} or at a version, so several instances may run them.
 */
public abstract class PeriodicJob implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final AtomicReference<Disposable> loop = new AtomicReference<>();
    private final Duration interval;
    private final String failure;

    /** {@code failure} says what failed, for the log, e.g. "Listing event starts failed". */
    protected PeriodicJob(Duration interval, String failure) {
        this.interval = interval;
        this.failure = failure;
    }

    /** One pass over whatever is due; answers how many it handled. */
    public abstract Mono<Long> pass();

    /** What starts a pass: the ticks of the interval, dropped while a pass runs. */
    protected Flux<?> signals(Flux<Long> ticks) {
        return ticks.onBackpressureDrop();
    }

    /** Called when the job stops, after its loop is disposed: for timers of its own. */
    protected void stopped() {
    }

    protected Duration interval() {
        return interval;
    }

    @Override
    public void start() {
        loop.set(signals(Flux.interval(Duration.ZERO, interval))
                .concatMap(signal -> pass().onErrorResume(error -> {
                    log.warn("{}, the next pass retries: {}", failure, error.toString());
                    return Mono.empty();
                }), 1)
                .subscribe());
    }

    @Override
    public void stop() {
        Disposable running = loop.getAndSet(null);
        if (running != null) {
            running.dispose();
        }
        stopped();
    }

    @Override
    public boolean isRunning() {
        return loop.get() != null;
    }
}
