package de.stadtportal.events;

/** Request bodies as the API document shows them: what an app sends, ready to try. */
public final class ApiExamples {

    public static final String EVENT = """
            {"city": "bochum", "venueId": "3f2b8c1e-5d4a-4e6b-9c2d-1a2b3c4d5e6f", "title": "Abendkonzert im Musikforum",
             "description": "Die Bochumer Symphoniker spielen Brahms.", "category": "konzert",
             "start": "2027-03-20T19:30:00+01:00", "end": "2027-03-20T21:30:00+01:00", "allDay": false,
             "recurrence": {"rrule": "FREQ=WEEKLY;COUNT=4", "exdates": []},
             "price": {"free": false, "min": 12.0, "max": 38.0, "currency": "EUR"},
             "ticketUrl": "https://example.org/tickets", "language": "de", "accessibility": ["wheelchair"],
             "tags": ["klassik"], "image": {"url": "https://example.org/konzert.jpg", "alt": "Das Orchester"}}""";

    public static final String RESCHEDULING = """
            {"start": "2027-04-03T19:30:00+02:00", "end": "2027-04-03T21:30:00+02:00"}""";

    public static final String VENUE = """
            {"city": "bochum", "name": "Anneliese Brost Musikforum Ruhr",
             "address": {"street": "Marienplatz 1", "postalCode": "44787", "locality": "Bochum"},
             "geo": {"lat": 51.4769, "lon": 7.2163}, "accessibility": ["wheelchair"],
             "url": "https://example.org/musikforum"}""";

    private ApiExamples() {
    }
}
