package de.stadtportal.events.venue.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A place where events happen. Each change makes a new version, and the event that tells the other
 * services about it carries the whole venue, so search never has to ask back.
 */
public record Venue(UUID id, VenueDetails details, long version, Instant createdAt, Instant updatedAt) {

    public static Venue create(UUID id, VenueDetails details, Instant now) {
        return new Venue(id, details.validate(), 1, now, now);
    }

    public Venue revise(VenueDetails changed, Instant now) {
        return new Venue(id, changed.validate(), version + 1, createdAt, now);
    }

    public String city() {
        return details.city();
    }

    /** The event this version causes: created or changed, the venue as it is now. */
    public VenueEvent.Changed changed() {
        return new VenueEvent.Changed(this);
    }

    /** The event that says this venue is gone; its version follows the last change. */
    public VenueEvent.Removed removed(Instant now) {
        return new VenueEvent.Removed(id, version + 1, now, details.city());
    }
}
