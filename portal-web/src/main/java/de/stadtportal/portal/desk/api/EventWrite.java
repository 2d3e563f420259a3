package de.stadtportal.portal.desk.api;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The body of creating or changing an event ({@code POST /api/events}, {@code PUT /api/events/{id}}),
 * in the API's names; a change replaces every field, so an edit carries the ones it keeps.
 */
public record EventWrite(String city, String venueId, String title, String description, String category,
        OffsetDateTime start, OffsetDateTime end, Boolean allDay, Recurrence recurrence, DeskEvent.Price price,
        String ticketUrl, String language, List<String> accessibility, List<String> tags, DeskEvent.Image image) {

    /** An RFC 5545 rule and the starts it leaves out. */
    public record Recurrence(String rrule, List<OffsetDateTime> exdates) {

        public Recurrence {
            exdates = exdates == null ? List.of() : List.copyOf(exdates);
        }
    }
}
