package de.stadtportal.portal.desk.api;

import java.util.List;

/** The body of creating or changing a venue ({@code POST /api/venues}, {@code PUT /api/venues/{id}}). */
public record VenueWrite(String city, String name, DeskVenue.Address address, DeskVenue.Geo geo,
        List<String> accessibility, String url) {
}
