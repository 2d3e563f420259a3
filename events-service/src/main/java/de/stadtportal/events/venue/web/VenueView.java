package de.stadtportal.events.venue.web;

import de.stadtportal.events.venue.domain.Address;
import de.stadtportal.kernel.Geo;
import de.stadtportal.events.venue.domain.Venue;
import de.stadtportal.kernel.PortalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A venue as the API serves it. */
record VenueView(UUID id, String city, String name, Address address, Geo geo, List<String> accessibility, String url,
        long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static VenueView of(Venue venue) {
        var d = venue.details();
        return new VenueView(venue.id(), d.city(), d.name(), d.address(), d.geo(), d.accessibility(), d.url(),
                venue.version(), PortalTime.local(venue.createdAt()), PortalTime.local(venue.updatedAt()));
    }
}
