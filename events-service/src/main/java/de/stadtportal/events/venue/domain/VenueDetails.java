package de.stadtportal.events.venue.domain;

import de.stadtportal.kernel.Geo;
import de.stadtportal.kernel.refusal.Violations;
import java.util.List;

/** What an editor says about a venue; checked by {@link #validate()} before anything is stored. */
public record VenueDetails(String city, String name, Address address, Geo geo, List<String> accessibility, String url) {

    public VenueDetails {
        accessibility = accessibility == null ? List.of() : List.copyOf(accessibility);
    }

    public VenueDetails validate() {
        Violations violations = new Violations()
                .slug(city, "city")
                .text(name, "name", 200)
                .require(address != null, "address", "is required")
                .require(geo != null, "geo", "is required")
                .labels(accessibility, "accessibility")
                .optionalUrl(url, "url");
        if (address != null) {
            violations.text(address.street(), "address.street", 200)
                    .text(address.postalCode(), "address.postalCode", 20)
                    .text(address.locality(), "address.locality", 120);
        }
        violations.throwIfAny();
        return this;
    }
}
