package de.stadtportal.contracts;

import de.stadtportal.kernel.Geo;
import java.util.List;
import java.util.Objects;

public record VenueSnapshot(
        String id,
        String city,
        String name,
        Address address,
        Geo geo,
        List<String> accessibility,
        String url) {

    public VenueSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(name, "name");
        accessibility = Checks.listOf(accessibility);
    }
}
