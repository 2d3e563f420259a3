package de.stadtportal.events.venue.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What other services must learn about a venue. The application layer turns these into the
 * contract events; the whole venue travels with a change, so search never has to ask back.
 */
public sealed interface VenueEvent {

    /** The venue is as shown, in a new version (created or changed). */
    record Changed(Venue venue) implements VenueEvent {
    }

    /** The venue is gone; {@code version} follows its last change. */
    record Removed(UUID id, long version, Instant at, String city) implements VenueEvent {
    }
}
