package de.stadtportal.events.venue.application;

import de.stadtportal.events.venue.domain.Venue;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * What hangs on a venue. Events carry their venue's name and place in their snapshots, so a venue
 * change must reach them, and a venue that still has events cannot go. Implemented by the event
 * feature, so that venues need not know about events.
 */
public interface VenueDependents {

    /** Runs inside the venue change's transaction. */
    Mono<Void> venueChanged(Venue venue, Instant now);

    Mono<Boolean> exist(UUID venueId);
}
