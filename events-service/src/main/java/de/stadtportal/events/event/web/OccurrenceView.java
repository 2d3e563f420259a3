package de.stadtportal.events.event.web;

import de.stadtportal.events.event.application.FoundOccurrence;
import de.stadtportal.events.event.domain.Event;
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

    static OccurrenceView of(FoundOccurrence found) {
        Event event = found.at().event();
        return new OccurrenceView(event.id(), found.occurrence().start(), found.occurrence().end(),
                event.details().title(), event.details().category(), event.status().apiName(), event.details().city(),
                new VenueRef(found.at().venue().id(), found.at().venue().details().name()),
                event.details().price().free(),
                found.distanceKm() == null ? null : Math.round(found.distanceKm() * 1000.0) / 1000.0);
    }

    /** The position of this occurrence in a page, for the next page's cursor. */
    String[] position() {
        return new String[] {start.toInstant().toString(), eventId.toString()};
    }
}
