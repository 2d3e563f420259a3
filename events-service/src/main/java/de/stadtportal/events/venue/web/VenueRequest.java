package de.stadtportal.events.venue.web;

import de.stadtportal.events.venue.domain.Address;
import de.stadtportal.kernel.Geo;
import de.stadtportal.events.venue.domain.VenueDetails;
import java.util.List;

/** The body of {@code POST /api/venues} and {@code PUT /api/venues/{id}}. */
record VenueRequest(String city, String name, Address address, Geo geo, List<String> accessibility, String url) {

    VenueDetails details() {
        return new VenueDetails(city, name, address, geo, accessibility, url);
    }
}
