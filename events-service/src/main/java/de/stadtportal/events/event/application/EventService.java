package de.stadtportal.events.event.application;

import de.stadtportal.events.EventsProperties;
import de.stadtportal.events.city.application.AnnouncedCities;
import de.stadtportal.events.event.domain.Event;
import de.stadtportal.events.event.domain.EventAtVenue;
import de.stadtportal.events.event.persistence.EventRepository;
import de.stadtportal.events.venue.application.VenueService;
import de.stadtportal.events.venue.domain.Venue;
import de.stadtportal.kernel.Caller;
import de.stadtportal.kernel.refusal.UnknownReference;
import de.stadtportal.kernel.refusal.NotFound;
import de.stadtportal.kernel.refusal.RuleBroken;
import de.stadtportal.kernel.refusal.StaleVersion;
import de.stadtportal.kernel.refusal.Violation;
import de.stadtportal.kernel.version.EntityTags;
import de.stadtportal.kernel.version.IfMatch;
import de.stadtportal.messaging.outbox.Outbox;
import de.stadtportal.messaging.outbox.WholeWrites;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Orchestrates events: the domain decides, this class checks who asks, {@code If-Match}, that city
 * and venue exist, and stores each new version with its {@code EventPublished} (or
 * {@code EventWithdrawn}) in one transaction. Pages of occurrences are {@link OccurrenceService}'s.
 */
@Service
public class EventService {

    private final EventRepository events;
    private final VenueService venues;
    private final AnnouncedCities cities;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final EventsProperties settings;
    private final Clock clock;

    EventService(EventRepository events, VenueService venues, AnnouncedCities cities, Outbox outbox,
            TransactionalOperator transactions, EventsProperties settings, Clock clock) {
        this.events = events;
        this.venues = venues;
        this.cities = cities;
        this.outbox = outbox;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** The ETag of one representation ({@code json}, {@code ld}, {@code ics}) of this version of the event. */
    public static String etag(Event event, String representation) {
        return EntityTags.of("event", event.id(), event.version(), representation);
    }

    public Set<String> categories() {
        return settings.categories().keySet();
    }

    public Instant now() {
        return clock.instant();
    }

    /** The event with its venue, or a refusal (404). */
    public Mono<EventAtVenue> read(UUID id) {
        return events.find(id).switchIfEmpty(Mono.error(() -> new NotFound("No event " + id)));
    }

    /** The events of a feed: those not over for more than a month, earliest first, at most {@code feed-size}. */
    public Mono<List<EventAtVenue>> feed(FeedQuery query) {
        return events.feed(query.city(), query.category(), clock.instant().minus(Duration.ofDays(31)),
                settings.feedSize()).collectList();
    }

    public Mono<EventAtVenue> create(CreateEvent command, Caller caller) {
        return Mono.fromCallable(() -> Event.create(UUID.randomUUID(), command.details(), categories(), clock.instant()))
                .flatMap(event -> Mono.fromCallable(() -> caller.requireEditorOf(event.details().city()))
                        .then(checkPlace(event))
                        .then(WholeWrites.transaction(transactions, lockPlace(event).flatMap(venue -> events.insert(event)
                                .then(outbox.append(EventIntegrationEvents.of(event.published(), venue)))
                                .thenReturn(new EventAtVenue(event, venue))))));
    }

    public Mono<EventAtVenue> revise(ReviseEvent command, Caller caller) {
        return read(command.id()).flatMap(current -> {
            Event next = current.event().revise(command.details(), categories(), clock.instant());
            return Mono.fromRunnable(() -> {
                caller.requireEditorOf(current.event().details().city()).requireEditorOf(next.details().city());
                command.ifMatch().require(etag(current.event(), "json"));
            })
                    .then(checkPlace(next))
                    .then(store(next));
        });
    }

    public Mono<EventAtVenue> cancel(CancelEvent command, Caller caller) {
        return step(command.id(), command.ifMatch(), caller, event -> event.cancel(clock.instant()));
    }

    public Mono<EventAtVenue> postpone(PostponeEvent command, Caller caller) {
        return step(command.id(), command.ifMatch(), caller, event -> event.postpone(clock.instant()));
    }

    public Mono<EventAtVenue> reschedule(RescheduleEvent command, Caller caller) {
        return step(command.id(), command.ifMatch(), caller,
                event -> event.reschedule(command.start(), command.end(), clock.instant()));
    }

    public Mono<EventAtVenue> markSoldOut(MarkEventSoldOut command, Caller caller) {
        return step(command.id(), command.ifMatch(), caller, event -> event.soldOut(clock.instant()));
    }

    public Mono<Void> delete(DeleteEvent command, Caller caller) {
        return read(command.id()).flatMap(current -> Mono.fromRunnable(() -> mayChange(caller, command.ifMatch(), current))
                .then(WholeWrites.transaction(transactions, events.delete(command.id(), current.event().version())
                        .flatMap(deleted -> deleted
                                ? outbox.append(EventIntegrationEvents.of(current.event().withdrawn(clock.instant()),
                                        current.venue()))
                                : Mono.error(stale(current.event()))))));
    }

    /** A lifecycle step (cancel, postpone, reschedule, sell out); If-Match is checked when sent. */
    private Mono<EventAtVenue> step(UUID id, IfMatch ifMatch, Caller caller, UnaryOperator<Event> step) {
        return read(id).flatMap(current -> Mono.fromRunnable(() -> mayChange(caller, ifMatch, current))
                .then(Mono.fromCallable(() -> step.apply(current.event())))
                .flatMap(this::store));
    }

    private static void mayChange(Caller caller, IfMatch ifMatch, EventAtVenue current) {
        caller.requireEditorOf(current.event().details().city());
        ifMatch.requireIfSent(etag(current.event(), "json"));
    }

    private Mono<EventAtVenue> store(Event next) {
        return WholeWrites.transaction(transactions, lockPlace(next).flatMap(venue -> events.update(next)
                .flatMap(updated -> updated
                        ? outbox.append(EventIntegrationEvents.of(next.published(), venue))
                        : Mono.error(stale(next)))
                .thenReturn(new EventAtVenue(next, venue))));
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
        return venues.holdForEvent(venueId)
                .switchIfEmpty(Mono.error(() -> new RuleBroken("Venue " + venueId + " was removed meanwhile",
                        new Violation("venueId", "was removed meanwhile"))))
                .flatMap(venue -> venue.city().equals(city) ? Mono.just(venue)
                        : Mono.error(new RuleBroken("Venue " + venueId + " moved to " + venue.city() + " meanwhile",
                                new Violation("venueId", "is a venue in " + venue.city() + " now, not in " + city))));
    }

    /** The city must be known, the venue must exist and be in that city. */
    private Mono<Venue> checkPlace(Event event) {
        String city = event.details().city();
        return cities.requireAnnounced(city, "city")
                .then(venues.find(event.details().venueId()))
                .switchIfEmpty(Mono.error(() -> new UnknownReference("Unknown venue",
                        new Violation("venueId", "is not a venue of this platform"))))
                .flatMap(venue -> venue.city().equals(city) ? Mono.just(venue)
                        : Mono.error(new UnknownReference("Venue in another city",
                                new Violation("venueId", "is a venue in " + venue.city() + ", not in " + city))));
    }

    private static StaleVersion stale(Event event) {
        return new StaleVersion("Event " + event.id() + " changed meanwhile; read it again");
    }
}
