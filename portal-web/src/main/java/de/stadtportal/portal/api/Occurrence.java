package de.stadtportal.portal.api;

import java.time.OffsetDateTime;

/** One occurrence in {@code GET /api/events}: a recurring event appears once per start. */
public record Occurrence(String eventId, OffsetDateTime start, OffsetDateTime end, String title, String category,
        String status, String city, Place venue, boolean free) {

    /** The venue as an occurrence names it. */
    public record Place(String id, String name) {
    }
}
