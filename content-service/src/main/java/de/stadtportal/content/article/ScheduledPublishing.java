package de.stadtportal.content.article;

import de.stadtportal.content.ContentProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Publishes drafts when their {@code publishAt} has come.
 * <p>
 * The database is the schedule: a pass publishes every draft that is due, whenever it became due,
 * so drafts whose time passed while the service was down are published by the first pass after
 * start ({@link #catchUp()}). Passes run on start, on a fixed interval as a safety net, and when a
 * new schedule is saved; after each pass a timer is set for the next known {@code publishAt}, so
 * articles appear on time without polling often. Several instances may run passes at once: each
 * due draft is locked with {@code SKIP LOCKED} and updated only at the version it was read at.
 */
@Component
class ScheduledPublishing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);

    private final Articles articles;
    private final Duration interval;
    private final AtomicReference<Disposable> loop = new AtomicReference<>();
    private final AtomicReference<Disposable> timer = new AtomicReference<>();
    private final AtomicLong pending = new AtomicLong();
    private final Sinks.Many<Object> wakeups =
            Sinks.many().multicast().directBestEffort();

    ScheduledPublishing(Articles articles, ContentProperties settings, MeterRegistry meters) {
        this.articles = articles;
        this.interval = settings.publishing().interval();
        Gauge.builder("stadtportal.content.publishing.pending", pending, AtomicLong::get)
                .description("Drafts waiting for their publishAt")
                .register(meters);
    }

    @Override
    public void start() {
        Flux<Object> signals = Flux.merge(
                Flux.interval(Duration.ZERO, interval),
                articles.schedules(),
                wakeups.asFlux());
        loop.set(signals.onBackpressureLatest()
                .concatMap(signal -> catchUp().onErrorResume(e -> {
                    log.warn("Scheduled publishing pass failed, next pass retries: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe());
    }

    @Override
    public void stop() {
        dispose(loop.getAndSet(null));
        dispose(timer.getAndSet(null));
    }

    @Override
    public boolean isRunning() {
        return loop.get() != null;
    }

    /**
     * One pass: publishes every due draft, then sets the timer for the next one. It is what runs
     * on start, and may be called at any time (tests call it to simulate a start).
     */
    Mono<Long> catchUp() {
        return articles.publishDue()
                .doOnNext(published -> {
                    if (published > 0) {
                        log.info("Published {} scheduled article(s)", published);
                    }
                })
                .flatMap(published -> armNext()
                        .then(articles.countScheduled().doOnNext(pending::set))
                        .thenReturn(published));
    }

    private Mono<Void> armNext() {
        return articles.nextDue().doOnNext(next -> {
            Duration wait = Duration.between(Instant.now(), next);
            if (wait.compareTo(interval) < 0) {
                // a due draft that could not be published is retried after a pause, not in a tight loop
                Duration delay = wait.isNegative() ? Duration.ofSeconds(1) : wait.plusMillis(5);
                dispose(timer.getAndSet(Mono.delay(delay)
                        .subscribe(tick -> wakeups.tryEmitNext(Boolean.TRUE))));
            }
        }).then();
    }

    private static void dispose(Disposable disposable) {
        if (disposable != null) {
            disposable.dispose();
        }
    }
}
