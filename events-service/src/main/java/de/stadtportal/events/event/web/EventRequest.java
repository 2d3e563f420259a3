package de.stadtportal.events.event.web;

import de.stadtportal.events.event.domain.EventDetails;
import de.stadtportal.events.event.domain.Image;
import de.stadtportal.events.event.domain.Price;
import de.stadtportal.events.event.domain.Recurrence;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The body of {@code POST /api/events} and {@code PUT /api/events/{id}} (SPEC §9). */
record EventRequest(
        String city,
        UUID venueId,
        String title,
        String description,
        String category,
        OffsetDateTime start,
        OffsetDateTime end,
        Boolean allDay,
        Recurrence recurrence,
        Price price,
        String ticketUrl,
        String language,
        List<String> accessibility,
        List<String> tags,
        Image image) {

    EventDetails details() {
        Recurrence rule = recurrence == null || (recurrence.rrule() == null && recurrence.exdates().isEmpty())
                ? null : recurrence;
        return new EventDetails(city, venueId, title, description, category, start, end, Boolean.TRUE.equals(allDay),
                rule, price, ticketUrl, language, accessibility, tags, image);
    }
}
