package de.stadtportal.events.venue;

import de.stadtportal.contracts.Address;
import de.stadtportal.contracts.Geo;
import de.stadtportal.events.venue.domain.Venue;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A venue as the API serves it. */
record VenueView(UUID id, String city, String name, Address address, Geo geo, List<String> accessibility, String url,
        long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static VenueView of(Venue venue) {
        var d = venue.details();
        return new VenueView(venue.id(), d.city(), d.name(), d.address(), d.geo(), d.accessibility(), d.url(),
                venue.version(), venue.createdAt().atZone(BERLIN).toOffsetDateTime(),
                venue.updatedAt().atZone(BERLIN).toOffsetDateTime());
    }
}
