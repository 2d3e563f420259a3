package de.stadtportal.events.event.application;

import de.stadtportal.messaging.schedule.PeriodicJob;

import de.stadtportal.events.EventsProperties;
import de.stadtportal.events.event.domain.Event;
import de.stadtportal.events.event.domain.EventAtVenue;
import de.stadtportal.events.event.persistence.EventRepository;
import de.stadtportal.messaging.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Announces a series again before the starts it announced run out.
 * <p>
 * Each {@code EventPublished} carries an event's next ten starts, and search knows a series only by
 * them: without this, a weekly series would look over to search after ten weeks although it goes
 * on. Once the sixth announced start has begun ({@code announce_again_at}), the series is published
 * again as a new version with its next ten starts. Passes run on start and every
 * {@code stadtportal.events.announcement-interval}; a pass takes the due series in batches locked
 * with {@code SKIP LOCKED}, so several instances may run passes at once, and stores each new version
 * with its event in one transaction, as every change is stored.
 */
@Component
public class SeriesAnnouncementJob extends PeriodicJob {

    public static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(SeriesAnnouncementJob.class);

    private final EventRepository events;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final Counter announced;

    SeriesAnnouncementJob(EventRepository events, Outbox outbox, TransactionalOperator transactions, Clock clock,
            EventsProperties settings, MeterRegistry meters) {
        super(settings.announcementInterval(), "Announcing series again failed");
        this.events = events;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.announced = Counter.builder("stadtportal.events.series.announced")
                .description("Series published again with their next starts")
                .register(meters);
    }

    /** One pass: announces every series that is due, batch by batch; answers how many. */
    @Override
    public Mono<Long> pass() {
        return batch()
                .expand(seen -> seen == BATCH ? batch() : Mono.empty())
                .reduce(0L, Long::sum)
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Announced {} series again with their next starts", count);
                    }
                });
    }

    private Mono<Long> batch() {
        Instant now = clock.instant();
        // the ids are read to the end first: the transaction's one connection cannot run the next
        // statement while a result is still being streamed to it
        return transactions.transactional(events.dueForAnnouncement(now, BATCH).collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(id -> events.find(id).flatMap(found -> announce(found, now)))
                .count());
    }

    private Mono<Event> announce(EventAtVenue found, Instant now) {
        Event next = found.event().republished(now);
        return outbox.entry(EventIntegrationEvents.of(next.published(), found.venue()))
                .flatMap(entry -> events.update(next, entry))
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "Event " + next.id() + " changed while locked for its announcement")))
                .doOnSuccess(done -> announced.increment())
                .thenReturn(next);
    }
}
