package de.stadtportal.content.article.application;

import de.stadtportal.content.ContentProperties;
import de.stadtportal.content.article.persistence.ArticleRepository;
import de.stadtportal.messaging.schedule.PeriodicJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * start ({@link #pass()}). Passes run on start, on a fixed interval as a safety net, and when a
 * new schedule is saved; after each pass a timer is set for the next known {@code publishAt}, so
 * articles appear on time without polling often. Several instances may run passes at once: each
 * due draft is locked with {@code SKIP LOCKED} and updated only at the version it was read at.
 */
@Component
public class ScheduledPublishingJob extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublishingJob.class);

    private final ArticleService articles;
    private final ArticleRepository repository;
    private final ScheduledTimes scheduled;
    private final ArticleMetrics metrics;
    private final Clock clock;
    private final AtomicReference<Disposable> timer = new AtomicReference<>();
    private final Sinks.Many<Object> wakeups = Sinks.many().multicast().directBestEffort();

    ScheduledPublishingJob(ArticleService articles, ArticleRepository repository, ScheduledTimes scheduled,
            ArticleMetrics metrics, Clock clock, ContentProperties settings) {
        super(settings.publishing().interval(), "Scheduled publishing pass failed");
        this.articles = articles;
        this.repository = repository;
        this.scheduled = scheduled;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Besides the interval, a pass runs when a schedule is saved and when the timer for the next one fires. */
    @Override
    protected Flux<?> signals(Flux<Long> ticks) {
        return Flux.merge(ticks, scheduled.times(), wakeups.asFlux()).onBackpressureLatest();
    }

    @Override
    protected void stopped() {
        dispose(timer.getAndSet(null));
    }

    /**
     * One pass: publishes every due draft, then sets the timer for the next one. It is what runs
     * on start, and may be called at any time (tests call it to simulate a start).
     */
    @Override
    public Mono<Long> pass() {
        return articles.publishDue()
                .doOnNext(published -> {
                    if (published > 0) {
                        metrics.publishedOnSchedule(published);
                        log.info("Published {} scheduled article(s)", published);
                    }
                })
                .flatMap(published -> armNext()
                        .then(repository.countScheduled().doOnNext(metrics::pending))
                        .thenReturn(published));
    }

    private Mono<Void> armNext() {
        return repository.nextDue().doOnNext(next -> {
            Duration wait = Duration.between(clock.instant(), next);
            if (wait.compareTo(interval()) < 0) {
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
