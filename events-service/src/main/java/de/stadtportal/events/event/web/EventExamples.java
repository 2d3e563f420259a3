package de.stadtportal.events.event.web;

/** Request bodies as the API document shows them: what an app sends, ready to try. */
final class EventExamples {

    static final String EVENT = """
            {"city": "bochum", "venueId": "3f2b8c1e-5d4a-4e6b-9c2d-1a2b3c4d5e6f", "title": "Abendkonzert im Musikforum",
             "description": "Die Bochumer Symphoniker spielen Brahms.", "category": "konzert",
             "start": "2027-03-20T19:30:00+01:00", "end": "2027-03-20T21:30:00+01:00", "allDay": false,
             "recurrence": {"rrule": "FREQ=WEEKLY;COUNT=4", "exdates": []},
             "price": {"free": false, "min": 12.0, "max": 38.0, "currency": "EUR"},
             "ticketUrl": "https://example.org/tickets", "language": "de", "accessibility": ["wheelchair"],
             "tags": ["klassik"], "image": {"url": "https://example.org/konzert.jpg", "alt": "Das Orchester"}}""";

    static final String BATCH = """
            {"events": [
              {"city": "bochum", "venueId": "3f2b8c1e-5d4a-4e6b-9c2d-1a2b3c4d5e6f", "title": "Kammerkonzert",
               "category": "konzert", "start": "2027-03-21T11:00:00+01:00", "price": {"free": true, "currency": "EUR"}},
              {"city": "bochum", "venueId": "3f2b8c1e-5d4a-4e6b-9c2d-1a2b3c4d5e6f", "title": "Orgelstunde",
               "category": "konzert", "start": "2027-03-22T18:00:00+01:00", "price": {"free": true, "currency": "EUR"}}
            ]}""";

    static final String CALENDAR = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Musikforum//Programm//DE
            BEGIN:VEVENT
            UID:kammerkonzert-2027-03-21@musikforum.example
            DTSTAMP:20270101T120000Z
            SUMMARY:Kammerkonzert
            DTSTART;TZID=Europe/Berlin:20270321T110000
            DTEND;TZID=Europe/Berlin:20270321T123000
            CATEGORIES:konzert
            END:VEVENT
            BEGIN:VEVENT
            UID:orgelstunde@musikforum.example
            DTSTAMP:20270101T120000Z
            SUMMARY:Orgelstunde
            DTSTART;TZID=Europe/Berlin:20270322T180000
            RRULE:FREQ=WEEKLY;COUNT=4
            END:VEVENT
            END:VCALENDAR
            """;

    static final String RESCHEDULING = """
            {"start": "2027-04-03T19:30:00+02:00", "end": "2027-04-03T21:30:00+02:00"}""";

    private EventExamples() {
    }
}
