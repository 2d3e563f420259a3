package de.stadtportal.events.venue.application;

import de.stadtportal.events.city.application.AnnouncedCities;
import de.stadtportal.events.venue.domain.Venue;
import de.stadtportal.events.venue.persistence.VenueRepository;
import de.stadtportal.kernel.Caller;
import de.stadtportal.kernel.paging.Slice;
import de.stadtportal.kernel.refusal.NotFound;
import de.stadtportal.kernel.refusal.RuleBroken;
import de.stadtportal.kernel.refusal.StaleVersion;
import de.stadtportal.kernel.version.EntityTags;
import de.stadtportal.messaging.outbox.Outbox;
import de.stadtportal.messaging.outbox.WholeWrites;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Venue changes: check the input, the caller and the city, then store the venue and its event in
 * one transaction, together with the re-published snapshots of the events held there.
 */
@Service
public class VenueService {

    private final VenueRepository venues;
    private final AnnouncedCities cities;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final VenueDependents dependents;
    private final Clock clock;

    VenueService(VenueRepository venues, AnnouncedCities cities, Outbox outbox, TransactionalOperator transactions,
            VenueDependents dependents, Clock clock) {
        this.venues = venues;
        this.cities = cities;
        this.outbox = outbox;
        this.transactions = transactions;
        this.dependents = dependents;
        this.clock = clock;
    }

    public static String etag(Venue venue) {
        return EntityTags.of("venue", venue.id(), venue.version());
    }

    /** The venue, or a refusal (404). */
    public Mono<Venue> read(UUID id) {
        return venues.find(id).switchIfEmpty(Mono.error(() -> new NotFound("No venue " + id)));
    }

    public Mono<Slice<Venue>> list(VenueQuery query) {
        VenueQuery.After after = query.after() == null ? VenueQuery.After.START : query.after();
        return venues.list(query.city(), after.name(), after.id(), Slice.rowsFor(query.limit()))
                .collect(Slice.toSlice(query.limit()));
    }

    /** The venue as committed, or empty: what an event about to be written checks first. */
    public Mono<Venue> find(UUID id) {
        return venues.find(id);
    }

    /**
     * In one statement, for an event about to be written in {@code city}: whether the city is known,
     * the venue's city as it was, and the venue as committed, locked against change and removal until
     * the caller's transaction ends.
     */
    public Mono<VenueRepository.Place> holdForEvent(UUID id, String city) {
        return venues.placeForEvent(id, city);
    }

    /**
     * In one statement, for an event about to be written in {@code city}: whether the city is known
     * and the venue as committed, locking nothing; the write must check that the venue is still in
     * the version seen.
     */
    public Mono<VenueRepository.Place> seeForEvent(UUID id, String city) {
        return venues.seePlaceForEvent(id, city);
    }

    public Mono<Venue> create(CreateVenue command, Caller caller) {
        return Mono.fromCallable(() -> Venue.create(UUID.randomUUID(), command.details(), clock.instant()))
                .flatMap(venue -> Mono.fromCallable(() -> caller.requireEditorOf(venue.city()))
                        .then(cities.requireAnnounced(venue.city(), "city"))
                        .then(WholeWrites.transaction(transactions, venues.insert(venue)
                                .then(outbox.append(VenueIntegrationEvents.of(venue.changed())))))
                        .thenReturn(venue));
    }

    /**
     * Whether the venue has events is asked inside the transaction, after the venue row is locked
     * (by the update, or by {@link VenueRepository#lock} before a removal): an event written for the
     * venue meanwhile locks it too ({@link #holdForEvent}), so one waits for the other and the
     * second sees what the first committed.
     */
    public Mono<Venue> revise(ReviseVenue command, Caller caller) {
        UUID id = command.id();
        return read(id).flatMap(current -> {
            Venue next = current.revise(command.details(), clock.instant());
            boolean moves = !next.city().equals(current.city());
            return Mono.fromRunnable(() -> {
                caller.requireEditorOf(current.city()).requireEditorOf(next.city());
                command.ifMatch().require(etag(current));
            })
                    .then(cities.requireAnnounced(next.city(), "city"))
                    .then(WholeWrites.transaction(transactions, venues.update(next)
                            .flatMap(updated -> updated ? Mono.<Void>empty() : Mono.<Void>error(stale(current)))
                            .then(moves ? dependents.exist(id) : Mono.just(false))
                            .flatMap(used -> used ? Mono.<Void>error(new RuleBroken(
                                    "Venue " + id + " has events in " + current.city() + "; it cannot move city"))
                                    : outbox.append(VenueIntegrationEvents.of(next.changed()))
                                            .then(dependents.venueChanged(next, next.updatedAt())))))
                    .thenReturn(next);
        });
    }

    public Mono<Void> remove(RemoveVenue command, Caller caller) {
        UUID id = command.id();
        return read(id).flatMap(current -> Mono.fromRunnable(() -> {
            caller.requireEditorOf(current.city());
            command.ifMatch().requireIfSent(etag(current));
        })
                .then(WholeWrites.transaction(transactions, venues.lock(id)
                        .switchIfEmpty(Mono.error(() -> stale(current)))
                        .then(dependents.exist(id))
                        .flatMap(used -> used
                                ? Mono.<Void>error(new RuleBroken("Venue " + id + " still has events"))
                                : venues.delete(id, current.version())
                                        .flatMap(deleted -> deleted
                                                ? outbox.append(VenueIntegrationEvents.of(current.removed(clock.instant())))
                                                : Mono.error(stale(current)))))));
    }

    private static StaleVersion stale(Venue venue) {
        return new StaleVersion("Venue " + venue.id() + " changed meanwhile; read it again");
    }
}
