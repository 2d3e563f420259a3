package de.stadtportal.contracts;

import de.stadtportal.kernel.Geo;
import java.util.Objects;

public record VenueRef(String id, String name, String city, Geo geo) {

    public VenueRef {
        Objects.requireNonNull(id, "id");
    }
}
