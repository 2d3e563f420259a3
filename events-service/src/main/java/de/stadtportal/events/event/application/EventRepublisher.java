package de.stadtportal.events.event.application;

import de.stadtportal.events.event.persistence.EventRepository;
import de.stadtportal.events.venue.application.VenueDependents;
import de.stadtportal.events.venue.domain.Venue;
import de.stadtportal.messaging.outbox.Outbox;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps event snapshots true to their venue: when a venue changes, each of its events gets a new
 * version and a new {@code EventPublished}, in the venue change's transaction.
 * <p>
 * The events are read locked ({@code FOR UPDATE}), so the version republished is always the one
 * committed last: an edit racing the venue change either committed before (and is read here) or
 * waits and then finds its version taken (412 to its editor, who reads again). The optimistic
 * update can therefore not miss; should it, the venue change fails rather than publish a version
 * that was never stored.
 */
@Component
class EventRepublisher implements VenueDependents {

    private final EventRepository events;
    private final Outbox outbox;

    EventRepublisher(EventRepository events, Outbox outbox) {
        this.events = events;
        this.outbox = outbox;
    }

    @Override
    public Mono<Void> venueChanged(Venue venue, Instant now) {
        return events.atVenueForUpdate(venue.id())
                .map(event -> event.republished(now))
                .concatMap(event -> outbox.entry(EventIntegrationEvents.of(event.published(), venue))
                        .flatMap(announced -> events.update(event, announced))
                        .flatMap(updated -> updated ? Mono.<Void>empty()
                                : Mono.<Void>error(new IllegalStateException(
                                        "Event " + event.id() + " changed while locked for its venue's change"))))
                .then();
    }

    @Override
    public Mono<Boolean> exist(UUID venueId) {
        return events.existAtVenue(venueId);
    }
}
