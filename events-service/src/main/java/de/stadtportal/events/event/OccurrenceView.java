package de.stadtportal.events.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One occurrence in {@code GET /api/events} (SPEC §9); {@code distanceKm} only when {@code near} was given. */
record OccurrenceView(
        UUID eventId,
        OffsetDateTime start,
        OffsetDateTime end,
        String title,
        String category,
        String status,
        String city,
        VenueRef venue,
        boolean free,
        Double distanceKm) {

    record VenueRef(UUID id, String name) {
    }
}
