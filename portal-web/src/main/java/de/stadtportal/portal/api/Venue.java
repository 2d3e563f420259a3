package de.stadtportal.portal.api;

import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /api/venues/{id}}, and the venue inside an event. */
public record Venue(String id, String city, String name, Address address, Geo geo, List<String> accessibility,
        String url, OffsetDateTime updatedAt) {

    public record Address(String street, String postalCode, String locality) {
    }

    public record Geo(double lat, double lon) {
    }

    public List<String> accessibility() {
        return accessibility == null ? List.of() : accessibility;
    }
}
