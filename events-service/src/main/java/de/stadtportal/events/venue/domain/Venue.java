package de.stadtportal.events.venue.domain;

import de.stadtportal.contracts.VenueChanged;
import de.stadtportal.contracts.VenueRef;
import de.stadtportal.contracts.VenueRemoved;
import de.stadtportal.contracts.VenueSnapshot;
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

    public VenueChanged changed() {
        return new VenueChanged(id.toString(), version, updatedAt, new VenueSnapshot(id.toString(), details.city(),
                details.name(), details.address(), details.geo(), details.accessibility(), details.url()));
    }

    /** The event that says this venue is gone; its version follows the last change. */
    public VenueRemoved removed(Instant now) {
        return new VenueRemoved(id.toString(), version + 1, now, details.city());
    }

    public VenueRef ref() {
        return new VenueRef(id.toString(), details.name(), details.city(), details.geo());
    }
}
