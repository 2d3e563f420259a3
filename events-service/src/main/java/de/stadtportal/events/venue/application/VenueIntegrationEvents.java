package de.stadtportal.events.venue.application;

import de.stadtportal.contracts.Address;
import de.stadtportal.kernel.Geo;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.VenueChanged;
import de.stadtportal.contracts.VenueRef;
import de.stadtportal.contracts.VenueRemoved;
import de.stadtportal.contracts.VenueSnapshot;
import de.stadtportal.events.venue.domain.Venue;
import de.stadtportal.events.venue.domain.VenueDetails;
import de.stadtportal.events.venue.domain.VenueEvent;

/** A venue's domain events as the contract events on {@code events.venues.v1}, and the venue as events refer to it. */
public final class VenueIntegrationEvents {

    private VenueIntegrationEvents() {
    }

    public static IntegrationEvent of(VenueEvent event) {
        if (event instanceof VenueEvent.Changed changed) {
            Venue venue = changed.venue();
            VenueDetails d = venue.details();
            return new VenueChanged(venue.id().toString(), venue.version(), venue.updatedAt(),
                    new VenueSnapshot(venue.id().toString(), d.city(), d.name(), address(d), geo(d),
                            d.accessibility(), d.url()));
        }
        VenueEvent.Removed removed = (VenueEvent.Removed) event;
        return new VenueRemoved(removed.id().toString(), removed.version(), removed.at(), removed.city());
    }

    /** The venue as an event's snapshot carries it. */
    public static VenueRef ref(Venue venue) {
        return new VenueRef(venue.id().toString(), venue.details().name(), venue.city(), geo(venue.details()));
    }

    private static Address address(VenueDetails d) {
        return d.address() == null ? null
                : new Address(d.address().street(), d.address().postalCode(), d.address().locality());
    }

    private static Geo geo(VenueDetails d) {
        return d.geo();
    }
}
