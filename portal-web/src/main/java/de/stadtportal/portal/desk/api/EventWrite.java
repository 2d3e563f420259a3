package de.stadtportal.portal.desk.api;

import java.time.OffsetDateTime;
import java.util.List;

/** The body of creating an event ({@code POST /api/events}), in the API's names. */
public record EventWrite(String city, String venueId, String title, String description, String category,
        OffsetDateTime start, OffsetDateTime end, Recurrence recurrence, String language) {

    /** An RFC 5545 rule and the starts it leaves out. */
    public record Recurrence(String rrule, List<OffsetDateTime> exdates) {
    }
}
