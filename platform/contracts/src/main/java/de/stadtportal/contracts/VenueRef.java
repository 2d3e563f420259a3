package de.stadtportal.contracts;

import java.util.Objects;

public record VenueRef(String id, String name, String city, Geo geo) {

    public VenueRef {
        Objects.requireNonNull(id, "id");
    }
}
