package de.stadtportal.portal.desk.api;

import java.time.OffsetDateTime;

/** One start of an event in the API's list ({@code GET /api/events?city=}), with the event's status. */
public record DeskOccurrence(String eventId, OffsetDateTime start, OffsetDateTime end, String title, String category,
        String status, String city, DeskEvent.Place venue) {

    public DeskOccurrence {
        start = DeskEvent.local(start);
        end = DeskEvent.local(end);
    }
}
