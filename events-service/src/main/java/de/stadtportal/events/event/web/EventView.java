package de.stadtportal.events.event.web;

import de.stadtportal.events.event.domain.Event;
import de.stadtportal.events.event.domain.EventAtVenue;
import de.stadtportal.events.event.domain.EventDetails;
import de.stadtportal.events.event.domain.Image;
import de.stadtportal.events.event.domain.Price;
import de.stadtportal.events.event.domain.Recurrence;
import de.stadtportal.events.venue.domain.Address;
import de.stadtportal.kernel.Geo;
import de.stadtportal.events.venue.domain.Venue;
import de.stadtportal.kernel.PortalTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An event as the API serves it (SPEC §9), with its venue and its next starts. */
record EventView(
        UUID id,
        String city,
        UUID venueId,
        VenueSummary venue,
        String title,
        String description,
        String category,
        OffsetDateTime start,
        OffsetDateTime end,
        boolean allDay,
        Recurrence recurrence,
        Price price,
        String ticketUrl,
        String language,
        List<String> accessibility,
        List<String> tags,
        Image image,
        String status,
        OffsetDateTime previousStart,
        List<OffsetDateTime> nextOccurrences,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    record VenueSummary(UUID id, String name, String city, Address address, Geo geo) {

        static VenueSummary of(Venue venue) {
            return new VenueSummary(venue.id(), venue.details().name(), venue.city(), venue.details().address(),
                    venue.details().geo());
        }
    }

    static EventView of(EventAtVenue stored, Instant now) {
        Event event = stored.event();
        EventDetails d = event.details();
        return new EventView(event.id(), d.city(), d.venueId(), VenueSummary.of(stored.venue()), d.title(),
                d.description(), d.category(), d.start(), d.end(), d.allDay(), d.recurrence(), d.price(),
                d.ticketUrl(), d.language(), d.accessibility(), d.tags(), d.image(), event.status().apiName(),
                event.previousStart(), event.nextStarts(now), event.version(),
                PortalTime.local(event.createdAt()), PortalTime.local(event.updatedAt()));
    }
}
