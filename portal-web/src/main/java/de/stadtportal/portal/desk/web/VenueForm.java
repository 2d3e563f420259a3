package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.DeskVenue;
import de.stadtportal.portal.desk.api.Refusal;
import de.stadtportal.portal.desk.api.VenueWrite;
import de.stadtportal.portal.desk.domain.Problem;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The venue form as the browser posts it: the address in its three parts, the coordinates as two
 * decimal numbers (a comma is read as the decimal point, as German editors write it), accessibility
 * as a comma-separated list of the API's labels ({@code wheelchair}), and the ETag when editing.
 */
record VenueForm(String name, String street, String postalCode, String locality, String lat, String lon,
        String accessibility, String url, String etag) {

    static final List<String> FIELDS = List.of("name", "street", "postalCode", "locality", "lat", "lon",
            "accessibility", "url");
    /** The API's names of the fields, as the form names them. */
    private static final Map<String, String> FORM_NAMES = Map.of("address.street", "street", "address.postalCode",
            "postalCode", "address.locality", "locality", "address", "street", "geo", "lat", "geo.lat", "lat",
            "geo.lon", "lon");

    static VenueForm empty(String locality) {
        return new VenueForm("", "", "", locality, "", "", "", "", "");
    }

    static VenueForm of(DeskVenue venue, String etag) {
        DeskVenue.Address address = venue.address();
        return new VenueForm(venue.name(), address == null ? "" : address.street(),
                address == null ? "" : address.postalCode(), address == null ? "" : address.locality(),
                venue.geo() == null ? "" : String.valueOf(venue.geo().lat()),
                venue.geo() == null ? "" : String.valueOf(venue.geo().lon()), String.join(", ", venue.accessibility()),
                venue.url() == null ? "" : venue.url(), etag);
    }

    boolean editing() {
        return etag != null && !etag.isBlank();
    }

    VenueForm withEtag(String newer) {
        return new VenueForm(name, street, postalCode, locality, lat, lon, accessibility, url, newer);
    }

    /** Coordinates the desk can tell are none, by field; the API decides the rest. */
    Map<String, Problem> problems() {
        Map<String, Problem> problems = new LinkedHashMap<>();
        degrees(lat, "lat", 90, problems);
        degrees(lon, "lon", 180, problems);
        return problems;
    }

    VenueWrite write(String city) {
        List<String> labels = accessibility == null ? List.of() : Arrays.stream(accessibility.split(","))
                .map(String::strip).filter(label -> !label.isEmpty()).toList();
        return new VenueWrite(city, name, new DeskVenue.Address(street, postalCode, locality),
                new DeskVenue.Geo(number(lat), number(lon)), labels, url == null || url.isBlank() ? null : url.strip());
    }

    /** The API's refusal with its field names as the form's. */
    static Refusal forForm(Refusal refusal) {
        return DeskTexts.renamed(refusal, FORM_NAMES);
    }

    private static void degrees(String value, String field, int bound, Map<String, Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.put(field, Problem.of("desk.form.required"));
            return;
        }
        try {
            double degrees = number(value);
            if (!(degrees >= -bound && degrees <= bound)) {
                problems.put(field, Problem.of("desk.venue.degrees", -bound, bound));
            }
        } catch (NumberFormatException unreadable) {
            problems.put(field, Problem.of("desk.form.number"));
        }
    }

    private static double number(String value) {
        return Double.parseDouble(value.strip().replace(',', '.'));
    }
}
