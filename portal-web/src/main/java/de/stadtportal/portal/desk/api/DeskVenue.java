package de.stadtportal.portal.desk.api;

import java.util.List;

/** A venue as the API serves it ({@code GET /api/venues/{id}}): where it is and how it can be reached. */
public record DeskVenue(String id, String city, String name, Address address, Geo geo, List<String> accessibility,
        String url, long version) {

    public DeskVenue {
        accessibility = accessibility == null ? List.of() : accessibility;
    }

    /** A postal address in Germany. */
    public record Address(String street, String postalCode, String locality) {
    }

    /** WGS 84 degrees. */
    public record Geo(double lat, double lon) {
    }
}
