package de.stadtportal.events.venue.web;

/** Request bodies as the API document shows them: what an app sends, ready to try. */
final class VenueExamples {

    static final String VENUE = """
            {"city": "bochum", "name": "Anneliese Brost Musikforum Ruhr",
             "address": {"street": "Marienplatz 1", "postalCode": "44787", "locality": "Bochum"},
             "geo": {"lat": 51.4769, "lon": 7.2163}, "accessibility": ["wheelchair"],
             "url": "https://example.org/musikforum"}""";

    private VenueExamples() {
    }
}
