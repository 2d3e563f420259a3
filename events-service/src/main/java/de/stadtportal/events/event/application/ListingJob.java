package de.stadtportal.events.event.application;

import de.stadtportal.messaging.schedule.PeriodicJob;

import de.stadtportal.events.EventsProperties;
import de.stadtportal.events.event.persistence.EventRepository;
import de.stadtportal.events.event.persistence.OccurrenceRepository;
import de.stadtportal.events.event.persistence.OccurrenceRepository.Due;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the listing of every event's starts ahead of the queries.
 * <p>
 * Each write lists an event's starts ({@link de.stadtportal.events.event.domain.Listing}); a series
 * without end is listed {@code listing.ahead} (500 days) from then. Queries may look
 * {@code max-window} (400 days) ahead, so once less than that and a week is left, a pass lists the
 * series again from now. The same pass lists the series that have no listing yet (those stored
 * before the listing existed). It changes no version and publishes nothing: the listing is only
 * this service's way of reading pages. Passes run on start and every {@code listing.interval}, take
 * the due events in batches locked with {@code SKIP LOCKED}, so several instances may run them, and
 * a query never waits for them: what a listing does not cover yet is expanded from the rule.
 */
@Component
public class ListingJob extends PeriodicJob {

    static final int BATCH = 100;
    private static final Duration MARGIN = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(ListingJob.class);

    private final EventRepository events;
    private final OccurrenceRepository occurrences;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final EventsProperties settings;

    ListingJob(EventRepository events, OccurrenceRepository occurrences, TransactionalOperator transactions,
            Clock clock, EventsProperties settings) {
        super(settings.listing().interval(), "Listing event starts failed");
        this.events = events;
        this.occurrences = occurrences;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * One pass: lists every event that is due, batch by batch in order of how far its listing
     * reaches, each at most once (a listing that cannot reach further yet is not taken again in
     * the same pass); answers how many.
     */
    @Override
    public Mono<Long> pass() {
        Instant now = clock.instant();
        Instant before = now.plus(settings.maxWindow()).plus(MARGIN);
        return batch(now, before, Due.FIRST)
                .expand(batch -> batch.count() == BATCH ? batch(now, before, batch.last()) : Mono.empty())
                .reduce(0L, (sum, batch) -> sum + batch.count())
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Listed the starts of {} events again", count);
                    }
                });
    }

    private record Batch(long count, Due last) {
    }

    private Mono<Batch> batch(Instant now, Instant before, Due after) {
        // the ids are read to the end first: the transaction's one connection cannot run the next
        // statement while a result is still being streamed to it
        return transactions.transactional(occurrences.dueForListing(before, after, BATCH).collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(due -> events.find(due.id()).flatMap(found -> occurrences.list(found.event(), now))
                        .thenReturn(due))
                .collectList()
                .map(listed -> new Batch(listed.size(), listed.isEmpty() ? after : listed.get(listed.size() - 1))));
    }
}
