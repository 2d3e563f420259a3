package de.stadtportal.events.event;

import de.stadtportal.events.venue.VenueDependents;
import de.stadtportal.events.venue.domain.Venue;
import de.stadtportal.messaging.outbox.Outbox;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps event snapshots true to their venue: when a venue changes, each of its events gets a new
 * version and a new {@code EventPublished}, in the venue change's transaction.
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
        return events.atVenue(venue.id())
                .map(event -> event.republished(now))
                .concatMap(event -> events.update(event).then(outbox.append(event.published(venue.ref(), now))))
                .then();
    }

    @Override
    public Mono<Boolean> exist(UUID venueId) {
        return events.existAtVenue(venueId);
    }
}
