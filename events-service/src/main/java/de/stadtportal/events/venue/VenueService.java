package de.stadtportal.events.venue;

import de.stadtportal.events.city.KnownCities;
import de.stadtportal.events.venue.domain.Venue;
import de.stadtportal.events.venue.domain.VenueDetails;
import de.stadtportal.messaging.outbox.Outbox;
import de.stadtportal.web.http.ETags;
import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.security.Caller;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Venue changes: check the input, the caller and the city, then store the venue and its event in
 * one transaction, together with the re-published snapshots of the events held there.
 */
@Service
class VenueService {

    private final VenueRepository venues;
    private final KnownCities cities;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final VenueDependents dependents;
    private final Clock clock;

    VenueService(VenueRepository venues, KnownCities cities, Outbox outbox, TransactionalOperator transactions,
            VenueDependents dependents, Clock clock) {
        this.venues = venues;
        this.cities = cities;
        this.outbox = outbox;
        this.transactions = transactions;
        this.dependents = dependents;
        this.clock = clock;
    }

    static String etag(Venue venue) {
        return ETags.of("venue", venue.id(), venue.version());
    }

    Mono<Venue> find(UUID id) {
        return venues.find(id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("No venue " + id)));
    }

    Mono<List<Venue>> list(String city, String afterName, UUID afterId, int limit) {
        return venues.list(city, afterName, afterId, limit).collectList();
    }

    Mono<Venue> create(VenueDetails details) {
        return Mono.fromCallable(() -> Venue.create(UUID.randomUUID(), details, clock.instant()))
                .flatMap(venue -> Caller.current().flatMap(caller -> caller.requireEditorOf(venue.city()))
                        .then(cities.requireKnown(venue.city(), "city"))
                        .then(transactions.transactional(venues.insert(venue).then(outbox.append(venue.changed()))))
                        .thenReturn(venue));
    }

    /**
     * Whether the venue has events is asked inside the transaction, after the venue row is locked
     * (by the update, or by {@link VenueRepository#lock} before a removal): an event written for the
     * venue meanwhile locks it too ({@link VenueRepository#findForEvent}), so one waits for the other
     * and the second sees what the first committed.
     */
    Mono<Venue> update(UUID id, VenueDetails details, ServerHttpRequest request) {
        return find(id).flatMap(current -> {
            Venue next = current.revise(details, clock.instant());
            boolean moves = !next.city().equals(current.city());
            return Caller.current()
                    .flatMap(caller -> caller.requireEditorOf(current.city()).then(caller.requireEditorOf(next.city())))
                    .then(Mono.fromRunnable(() -> ETags.requireMatch(request, etag(current))))
                    .then(cities.requireKnown(next.city(), "city"))
                    .then(transactions.transactional(venues.update(next)
                            .flatMap(updated -> updated ? Mono.<Void>empty() : Mono.<Void>error(stale(current)))
                            .then(moves ? dependents.exist(id) : Mono.just(false))
                            .flatMap(used -> used ? Mono.<Void>error(ApiProblem.conflict(
                                    "Venue " + id + " has events in " + current.city() + "; it cannot move city"))
                                    : outbox.append(next.changed()).then(dependents.venueChanged(next, next.updatedAt())))))
                    .thenReturn(next);
        });
    }

    Mono<Void> delete(UUID id, ServerHttpRequest request) {
        return find(id).flatMap(current -> Caller.current()
                .flatMap(caller -> caller.requireEditorOf(current.city()))
                .then(Mono.fromRunnable(() -> ETags.requireMatchIfSent(request, etag(current))))
                .then(transactions.transactional(venues.lock(id)
                        .switchIfEmpty(Mono.error(() -> stale(current)))
                        .then(dependents.exist(id))
                        .flatMap(used -> used
                                ? Mono.<Void>error(ApiProblem.conflict("Venue " + id + " still has events"))
                                : venues.delete(id, current.version())
                                        .flatMap(deleted -> deleted
                                                ? outbox.append(current.removed(clock.instant()))
                                                : Mono.error(stale(current)))))));
    }

    private static ApiProblem stale(Venue venue) {
        return ApiProblem.preconditionFailed("Venue " + venue.id() + " changed meanwhile; read it again");
    }
}
