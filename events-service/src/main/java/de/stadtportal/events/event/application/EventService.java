package de.stadtportal.events.event.application;

import de.stadtportal.events.EventsProperties;
import de.stadtportal.events.city.application.AnnouncedCities;
import de.stadtportal.events.event.domain.Event;
import de.stadtportal.events.event.domain.EventAtVenue;
import de.stadtportal.events.event.domain.EventDetails;
import de.stadtportal.events.event.persistence.EventRepository;
import de.stadtportal.events.venue.application.VenueService;
import de.stadtportal.events.venue.domain.Venue;
import de.stadtportal.events.venue.persistence.VenueRepository;
import de.stadtportal.kernel.Caller;
import de.stadtportal.kernel.refusal.InvalidInput;
import de.stadtportal.kernel.refusal.LimitExceeded;
import de.stadtportal.kernel.refusal.NotFound;
import de.stadtportal.kernel.refusal.Refusal;
import de.stadtportal.kernel.refusal.RuleBroken;
import de.stadtportal.kernel.refusal.StaleVersion;
import de.stadtportal.kernel.refusal.UnknownReference;
import de.stadtportal.kernel.refusal.Violation;
import de.stadtportal.kernel.version.EntityTags;
import de.stadtportal.kernel.version.IfMatch;
import de.stadtportal.messaging.outbox.Outbox;
import de.stadtportal.messaging.outbox.WholeWrites;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Orchestrates events: the domain decides, this class checks who asks, {@code If-Match}, that city
 * and venue exist, and stores each new version with its {@code EventPublished} (or
 * {@code EventWithdrawn}) in one transaction. A write's round trips are counted by
 * {@code EventWritesIT} (docs/events-service.md): each statement is one, and none is spent on a
 * check that the write's own statements can make. Pages of occurrences are {@link OccurrenceService}'s.
 */
@Service
public class EventService {

    private final EventRepository events;
    private final VenueService venues;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final EventsProperties settings;
    private final Clock clock;

    EventService(EventRepository events, VenueService venues, Outbox outbox,
            TransactionalOperator transactions, EventsProperties settings, Clock clock) {
        this.events = events;
        this.venues = venues;
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
                        .then(write(event, seen(event), events::insert,
                                () -> new IllegalStateException("Event " + event.id() + " written meanwhile"))));
    }

    /**
     * Several new events in one transaction, in the order given: all are stored, each with the event
     * that announces it, or none is. Every item is checked before anything is written; a refusal
     * names the item at fault ({@code events[i]}), and the invalid fields of all items come in one.
     * One request and one transaction for many events: what an importer of a venue's programme needs,
     * at a fraction of the cost of one request per event (docs/events-service.md).
     */
    public Mono<List<EventAtVenue>> createAll(CreateEvents command, Caller caller) {
        return Mono.fromCallable(() -> checked(command, caller, settings.maxBatch()))
                .flatMap(created -> WholeWrites.transaction(transactions,
                        insertAll(created, IntStream.range(0, created.size()).boxed().toList())));
    }

    /**
     * The events of {@code created} at the positions {@code items}, in that order, in the caller's
     * transaction; a refusal names the item at fault. Each venue is checked and held once for all
     * of them (the lock lasts until the commit), then all are written in one statement.
     */
    Mono<List<EventAtVenue>> insertAll(List<Event> created, List<Integer> items) {
        if (items.isEmpty()) {
            return Mono.just(List.of());
        }
        Map<List<Object>, Mono<Venue>> places = new HashMap<>();
        return Flux.fromIterable(items)
                .concatMap(i -> {
                    Event event = created.get(i);
                    return places.computeIfAbsent(List.of(event.details().venueId(), event.details().city()),
                                    key -> holdPlace(event, true).cache())
                            .onErrorMap(Refusal.class, refusal -> refusal.within(item(i)))
                            .flatMap(venue -> outbox.entry(EventIntegrationEvents.of(event.published(), venue))
                                    .map(announced -> new Announced(new EventAtVenue(event, venue), announced)));
                })
                .collectList()
                .flatMap(announced -> events
                        .insertAll(announced.stream().map(made -> made.made().event()).toList(),
                                announced.stream().map(Announced::entry).toList())
                        .thenReturn(announced.stream().map(Announced::made).toList()));
    }

    /** A new event at its venue, with the entry of the outbox that announces it. */
    private record Announced(EventAtVenue made, Outbox.Entry entry) {
    }

    /** How many VEVENTs one import may hold. */
    int mostImported() {
        return settings.maxImport();
    }

    /**
     * The new events of {@code command}, at most {@code most}, each checked and allowed to the caller,
     * before anything is written.
     */
    List<Event> checked(CreateEvents command, Caller caller, int most) {
        List<EventDetails> items = command.events();
        if (items.isEmpty()) {
            throw new InvalidInput("No events to create", new Violation("events", "must hold at least one event"));
        }
        if (items.size() > most) {
            throw new LimitExceeded("At most " + most + " events can be created in one request",
                    new Violation("events", "must hold at most " + most + " events"));
        }
        List<Event> created = new ArrayList<>(items.size());
        List<Violation> invalid = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                invalid.add(new Violation(item(i), "must be an event, not null"));
                continue;
            }
            try {
                Event event = Event.create(UUID.randomUUID(), items.get(i), categories(), clock.instant());
                caller.requireEditorOf(event.details().city());
                created.add(event);
            } catch (InvalidInput refusal) {
                invalid.addAll(refusal.within(item(i)).violations());
            } catch (Refusal refusal) {
                throw refusal.within(item(i));
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInput("The request has " + invalid.size() + " invalid field(s)", invalid);
        }
        return created;
    }

    private static String item(int index) {
        return "events[" + index + "]";
    }

    public Mono<EventAtVenue> revise(ReviseEvent command, Caller caller) {
        return read(command.id()).flatMap(current -> {
            Event next = current.event().revise(command.details(), categories(), clock.instant());
            return Mono.fromRunnable(() -> {
                caller.requireEditorOf(current.event().details().city()).requireEditorOf(next.details().city());
                command.ifMatch().require(etag(current.event(), "json"));
            })
                    .then(write(next, seen(next), events::update, () -> stale(next)));
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
                .then(WholeWrites.finish(outbox
                        .entry(EventIntegrationEvents.of(current.event().withdrawn(clock.instant()), current.venue()))
                        .flatMap(withdrawn -> events.delete(command.id(), current.event().version(), withdrawn))
                        .flatMap(deleted -> deleted ? Mono.<Void>empty() : Mono.<Void>error(stale(current.event()))))));
    }

    /** A lifecycle step (cancel, postpone, reschedule, sell out); If-Match is checked when sent. */
    private Mono<EventAtVenue> step(UUID id, IfMatch ifMatch, Caller caller, UnaryOperator<Event> step) {
        return read(id).flatMap(current -> Mono.fromRunnable(() -> mayChange(caller, ifMatch, current))
                .then(Mono.fromCallable(() -> step.apply(current.event())))
                .flatMap(next -> write(next, Mono.just(current.venue()), events::update, () -> stale(next))));
    }

    private static void mayChange(Caller caller, IfMatch ifMatch, EventAtVenue current) {
        caller.requireEditorOf(current.event().details().city());
        ifMatch.requireIfSent(etag(current.event(), "json"));
    }

    /**
     * Writes {@code event} (new, or the version after the one it was made from) with the event that
     * announces it, relying on its venue as {@code seen}: first as one statement and no transaction,
     * which writes only while the venue is still in the version seen and holds it to the statement's
     * end. When it wrote nothing (the venue went, moved or was edited in between, or someone was
     * faster with the event), the write is made again in a transaction that holds the venue first,
     * and answers as that finds it: a venue gone or moved meanwhile is a 409 ({@link #holdPlace}),
     * one edited in the same city is taken with its new snapshot, and {@code notWritten} is the
     * answer when the event itself changed. Run to its end once begun.
     */
    private Mono<EventAtVenue> write(Event event, Mono<Venue> seen, Write write,
            Supplier<RuntimeException> notWritten) {
        return WholeWrites.finish(seen.flatMap(venue -> writeAt(event, venue, write))
                .switchIfEmpty(Mono.defer(() -> WholeWrites.transaction(transactions, holdPlace(event, false)
                        .flatMap(venue -> writeAt(event, venue, write))
                        .switchIfEmpty(Mono.error(notWritten))))));
    }

    private Mono<EventAtVenue> writeAt(Event event, Venue venue, Write write) {
        return outbox.entry(EventIntegrationEvents.of(event.published(), venue))
                .flatMap(announced -> write.at(event, venue.version(), announced))
                .filter(written -> written)
                .map(written -> new EventAtVenue(event, venue));
    }

    /** A statement that writes an event with its entry while the venue is in a version; false when it wrote nothing. */
    @FunctionalInterface
    private interface Write {
        Mono<Boolean> at(Event event, long venueVersion, Outbox.Entry announced);
    }

    /**
     * The place an editor chose for {@code event}, as committed and checked, locking nothing: an
     * unknown city, an unknown venue or one in another city is a 422 ({@link #holdPlace}).
     */
    private Mono<Venue> seen(Event event) {
        return venues.seeForEvent(event.details().venueId(), event.details().city())
                .flatMap(place -> checked(place, event, true));
    }

    /**
     * The event's city and venue, checked and the venue locked in the write's transaction by one
     * statement, so that neither costs a round trip of its own. Where the editor's choice of the
     * place is checked here ({@code placeChosen}: the events of a batch), the city must be known and
     * the venue must have been in it as the statement began (422 otherwise, as for any unusable
     * input). The venue is then held until the commit: without the lock it could be removed or moved
     * to another city while the event is written (a foreign-key failure, or an event in one city at a
     * venue of another); one that went or moved while the statement waited for it is a conflict
     * (409). A write whose place was checked before ({@link #seen}, or a lifecycle step, which keeps
     * its place) checks only that. The snapshot published carries this venue.
     */
    private Mono<Venue> holdPlace(Event event, boolean placeChosen) {
        return venues.holdForEvent(event.details().venueId(), event.details().city())
                .flatMap(place -> checked(place, event, placeChosen));
    }

    /** The venue of {@code place}, or why the event cannot be written there: see {@link #holdPlace}. */
    private static Mono<Venue> checked(VenueRepository.Place place, Event event, boolean placeChosen) {
        UUID venueId = event.details().venueId();
        String city = event.details().city();
        if (placeChosen && !place.cityKnown()) {
            return Mono.error(AnnouncedCities.unknown(city, "city"));
        }
        if (placeChosen && place.seenCity() == null) {
            return Mono.error(new UnknownReference("Unknown venue",
                    new Violation("venueId", "is not a venue of this platform")));
        }
        if (placeChosen && !place.seenCity().equals(city)) {
            return Mono.error(new UnknownReference("Venue in another city",
                    new Violation("venueId", "is a venue in " + place.seenCity() + ", not in " + city)));
        }
        Venue venue = place.held();
        if (venue == null) {
            return Mono.error(new RuleBroken("Venue " + venueId + " was removed meanwhile",
                    new Violation("venueId", "was removed meanwhile")));
        }
        if (!venue.city().equals(city)) {
            return Mono.error(new RuleBroken("Venue " + venueId + " moved to " + venue.city() + " meanwhile",
                    new Violation("venueId", "is a venue in " + venue.city() + " now, not in " + city)));
        }
        return Mono.just(venue);
    }

    private static StaleVersion stale(Event event) {
        return new StaleVersion("Event " + event.id() + " changed meanwhile; read it again");
    }
}
