package de.stadtportal.events.event;

import de.stadtportal.events.city.KnownCities;
import de.stadtportal.events.event.EventRepository.BeyondListing;
import de.stadtportal.events.event.EventRepository.Stored;
import de.stadtportal.events.event.domain.Event;
import de.stadtportal.events.event.domain.EventDetails;
import de.stadtportal.events.event.domain.Occurrence;
import de.stadtportal.events.venue.VenueRepository;
import de.stadtportal.events.venue.domain.Venue;
import de.stadtportal.messaging.outbox.Outbox;
import de.stadtportal.web.http.ETags;
import de.stadtportal.web.paging.Page;
import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.problem.FieldError;
import de.stadtportal.web.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Orchestrates events: the domain decides, this class checks who asks, that city and venue exist,
 * and stores each new version with its {@code EventPublished} (or {@code EventWithdrawn}) in one
 * transaction. Pages of occurrences come from each event's listing of starts (see {@link EventRepository}).
 */
@Service
class EventService {

    /**
     * Start, then event id as PostgreSQL orders UUIDs (unsigned, as their hex text does; Java's
     * {@code UUID.compareTo} compares signed halves), so pages merged here follow the database's order.
     */
    private static final Comparator<OccurrenceView> BY_START = Comparator
            .comparing((OccurrenceView o) -> o.start().toInstant())
            .thenComparing(o -> o.eventId().toString());

    private final EventRepository events;
    private final VenueRepository venues;
    private final KnownCities cities;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final EventsProperties settings;
    private final Clock clock;

    EventService(EventRepository events, VenueRepository venues, KnownCities cities, Outbox outbox,
            TransactionalOperator transactions, EventsProperties settings, Clock clock) {
        this.events = events;
        this.venues = venues;
        this.cities = cities;
        this.outbox = outbox;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    static String etag(Event event, String representation) {
        return ETags.of("event", event.id(), event.version(), representation);
    }

    Set<String> categories() {
        return settings.categories().keySet();
    }

    Mono<Stored> find(UUID id) {
        return events.find(id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("No event " + id)));
    }

    Mono<Stored> create(EventDetails details) {
        return Mono.fromCallable(() -> Event.create(UUID.randomUUID(), details, categories(), clock.instant()))
                .flatMap(event -> Caller.current().flatMap(caller -> caller.requireEditorOf(event.details().city()))
                        .then(checkPlace(event))
                        .then(transactions.transactional(lockPlace(event).flatMap(venue -> events.insert(event)
                                .then(outbox.append(event.published(venue.ref(), event.updatedAt())))
                                .thenReturn(new Stored(event, venue, null))))));
    }

    Mono<Stored> update(UUID id, EventDetails details, ServerHttpRequest request) {
        return find(id).flatMap(current -> {
            Event next = current.event().revise(details, categories(), clock.instant());
            return Caller.current()
                    .flatMap(caller -> caller.requireEditorOf(current.event().details().city())
                            .then(caller.requireEditorOf(next.details().city())))
                    .then(Mono.fromRunnable(() -> ETags.requireMatch(request, etag(current.event(), "json"))))
                    .then(checkPlace(next))
                    .then(store(next));
        });
    }

    /** A lifecycle step (cancel, postpone, reschedule, sell out); If-Match is checked when sent. */
    Mono<Stored> change(UUID id, ServerHttpRequest request, UnaryOperator<Event> step) {
        return find(id).flatMap(current -> Caller.current()
                .flatMap(caller -> caller.requireEditorOf(current.event().details().city()))
                .then(Mono.fromRunnable(() -> matchIfSent(request, current.event())))
                .then(Mono.fromCallable(() -> step.apply(current.event())))
                .flatMap(this::store));
    }

    Mono<Void> delete(UUID id, ServerHttpRequest request) {
        return find(id).flatMap(current -> Caller.current()
                .flatMap(caller -> caller.requireEditorOf(current.event().details().city()))
                .then(Mono.fromRunnable(() -> matchIfSent(request, current.event())))
                .then(transactions.transactional(events.delete(id, current.event().version())
                        .flatMap(deleted -> deleted
                                ? outbox.append(current.event().withdrawn(clock.instant()))
                                : Mono.error(stale(current.event()))))));
    }

    /**
     * A page of occurrences: the listed ones read in start order with a LIMIT, plus, for the few
     * events whose listing does not cover the window, their rules expanded at most one page each;
     * only the earliest {@code limit + 1} are kept while they arrive.
     */
    Mono<Page<OccurrenceView>> occurrences(OccurrenceQuery query) {
        int wanted = query.limit() + 1;
        Instant searchFrom = query.afterStart() != null && query.afterStart().isAfter(query.from())
                ? query.afterStart() : query.from();
        Flux<OccurrenceView> listed = events.listed(query, wanted)
                .map(found -> view(found.stored(), found.start(), found.end()));
        Flux<OccurrenceView> beyond = events.beyondListing(query, searchFrom)
                .concatMapIterable(event -> beyondListing(event, query, wanted));
        return Flux.concat(listed, beyond)
                .filter(view -> isAfterCursor(view, query))
                .collect(() -> new TreeSet<>(BY_START), (TreeSet<OccurrenceView> earliest, OccurrenceView view) -> {
                    earliest.add(view);
                    if (earliest.size() > wanted) {
                        earliest.pollLast();
                    }
                })
                .map(earliest -> {
                    List<OccurrenceView> found = new ArrayList<>(earliest);
                    if (found.size() <= query.limit()) {
                        return new Page<>(found, null);
                    }
                    List<OccurrenceView> page = found.subList(0, query.limit());
                    OccurrenceView last = page.get(page.size() - 1);
                    return new Page<>(page, OccurrenceQuery.cursor(last.start().toInstant(), last.eventId()));
                });
    }

    /** The occurrences of an event in the window that its listing leaves out, at most {@code max} on each side. */
    private static List<OccurrenceView> beyondListing(BeyondListing beyond, OccurrenceQuery query, int max) {
        Event event = beyond.stored().event();
        List<Occurrence> found = new ArrayList<>();
        if (beyond.unlisted()) {
            found.addAll(event.occurrences(query.from(), query.to(), query.afterStart(), max));
        } else {
            if (beyond.coversFrom() != null) {
                Instant firstListed = beyond.coversFrom().minus(event.duration());
                Instant to = firstListed.isBefore(query.to()) ? firstListed : query.to();
                found.addAll(event.occurrences(query.from(), to, query.afterStart(), max));
            }
            if (beyond.coversUntil() != null && beyond.coversUntil().isBefore(query.to())) {
                Instant notBefore = query.afterStart() != null && query.afterStart().isAfter(beyond.coversUntil())
                        ? query.afterStart() : beyond.coversUntil();
                found.addAll(event.occurrences(query.from(), query.to(), notBefore, max));
            }
        }
        return found.stream().map(occurrence -> view(beyond.stored(), occurrence)).toList();
    }

    Mono<List<Stored>> feed(String city, String category) {
        return events.feed(city, category, clock.instant().minus(Duration.ofDays(31)), settings.feedSize()).collectList();
    }

    Instant now() {
        return clock.instant();
    }

    private Mono<Stored> store(Event next) {
        return transactions.transactional(lockPlace(next).flatMap(venue -> events.update(next)
                .flatMap(updated -> updated
                        ? outbox.append(next.published(venue.ref(), next.updatedAt()))
                        : Mono.error(stale(next)))
                .thenReturn(new Stored(next, venue, null))));
    }

    /**
     * The event's venue again, inside the write's transaction and locked until it commits: checked
     * before ({@link #checkPlace}), it may have been removed or moved to another city meanwhile,
     * and without the lock it could be while the event is written (a foreign-key failure, or an
     * event in one city at a venue of another). The snapshot published carries this venue.
     */
    private Mono<Venue> lockPlace(Event event) {
        UUID venueId = event.details().venueId();
        String city = event.details().city();
        return venues.findForEvent(venueId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("Venue " + venueId + " was removed meanwhile",
                        new FieldError("venueId", "was removed meanwhile"))))
                .flatMap(venue -> venue.city().equals(city) ? Mono.just(venue)
                        : Mono.error(ApiProblem.conflict("Venue " + venueId + " moved to " + venue.city() + " meanwhile",
                                new FieldError("venueId", "is a venue in " + venue.city() + " now, not in " + city))));
    }

    /** The city must be known, the venue must exist and be in that city. */
    private Mono<Venue> checkPlace(Event event) {
        String city = event.details().city();
        return cities.requireKnown(city, "city")
                .then(venues.find(event.details().venueId()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.unprocessable("Unknown venue",
                        new FieldError("venueId", "is not a venue of this platform"))))
                .flatMap(venue -> venue.city().equals(city) ? Mono.just(venue)
                        : Mono.error(ApiProblem.unprocessable("Venue in another city",
                                new FieldError("venueId", "is a venue in " + venue.city() + ", not in " + city))));
    }

    private static boolean isAfterCursor(OccurrenceView view, OccurrenceQuery query) {
        if (query.afterStart() == null) {
            return true;
        }
        int order = view.start().toInstant().compareTo(query.afterStart());
        return order > 0 || (order == 0 && view.eventId().toString().compareTo(query.afterEvent().toString()) > 0);
    }

    /** A listed occurrence: its end is the start again for an event that is a moment. */
    private static OccurrenceView view(Stored stored, Instant start, Instant end) {
        return view(stored, new Occurrence(Event.berlin(start.atOffset(ZoneOffset.UTC)),
                end.equals(start) ? null : Event.berlin(end.atOffset(ZoneOffset.UTC))));
    }

    private static OccurrenceView view(Stored stored, Occurrence occurrence) {
        Event event = stored.event();
        return new OccurrenceView(event.id(), occurrence.start(), occurrence.end(), event.details().title(),
                event.details().category(), event.status().apiName(), event.details().city(),
                new OccurrenceView.VenueRef(stored.venue().id(), stored.venue().details().name()),
                event.details().price().free(),
                stored.distanceKm() == null ? null : Math.round(stored.distanceKm() * 1000.0) / 1000.0);
    }

    private static void matchIfSent(ServerHttpRequest request, Event event) {
        ETags.requireMatchIfSent(request, etag(event, "json"));
    }

    private static ApiProblem stale(Event event) {
        return ApiProblem.preconditionFailed("Event " + event.id() + " changed meanwhile; read it again");
    }
}
