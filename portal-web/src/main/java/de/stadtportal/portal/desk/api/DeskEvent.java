package de.stadtportal.portal.desk.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An event as the API serves it ({@code GET /api/events/{id}}) with everything an edit sends back:
 * the API replaces all the editor's fields on {@code PUT}, so what the desk's form does not show
 * (price, tickets, image, tags) is read here and written again unchanged.
 */
public record DeskEvent(String id, String city, String venueId, Place venue, String title, String description,
        String category, OffsetDateTime start, OffsetDateTime end, Boolean allDay, EventWrite.Recurrence recurrence,
        Price price, String ticketUrl, String language, List<String> accessibility, List<String> tags, Image image,
        String status, OffsetDateTime previousStart, List<OffsetDateTime> nextOccurrences, long version) {

    public DeskEvent {
        nextOccurrences = nextOccurrences == null ? List.of() : nextOccurrences;
    }

    /** The venue as an event or occurrence names it. */
    public record Place(String id, String name) {
    }

    /** Free, or from {@code min} to {@code max} in {@code currency}. */
    public record Price(boolean free, BigDecimal min, BigDecimal max, String currency) {
    }

    public record Image(String url, String alt) {
    }

    /** This event as a write that changes nothing but leaves out the one start {@code start} of its series. */
    public EventWrite without(OffsetDateTime start) {
        List<OffsetDateTime> exdates = new ArrayList<>(recurrence.exdates());
        exdates.add(start);
        return new EventWrite(city, venueId, title, description, category, this.start, end, allDay,
                new EventWrite.Recurrence(recurrence.rrule(), exdates), price, ticketUrl, language, accessibility,
                tags, image);
    }

    public boolean recurring() {
        return recurrence != null && recurrence.rrule() != null;
    }
}
