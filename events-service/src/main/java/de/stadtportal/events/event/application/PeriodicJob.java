package de.stadtportal.events.event.application;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The shape of the service's background work: a pass runs when the service starts and then every
 * {@code interval}, never two at once (a tick that comes while a pass runs is dropped), and a pass
 * that fails is logged and left to the next one. Passes take their rows with {@code SKIP LOCKED},
 * so several instances may run them.
 */
abstract class PeriodicJob implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final AtomicReference<Disposable> loop = new AtomicReference<>();
    private final Duration interval;
    private final String failure;

    /** {@code failure} says what failed, for the log, e.g. "Listing event starts failed". */
    PeriodicJob(Duration interval, String failure) {
        this.interval = interval;
        this.failure = failure;
    }

    /** One pass over whatever is due; answers how many it handled. */
    public abstract Mono<Long> pass();

    @Override
    public void start() {
        loop.set(Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> pass().onErrorResume(error -> {
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
    }

    @Override
    public boolean isRunning() {
        return loop.get() != null;
    }
}
