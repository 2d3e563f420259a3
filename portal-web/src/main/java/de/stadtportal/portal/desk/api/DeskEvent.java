package de.stadtportal.portal.desk.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * An event as the API serves it ({@code GET /api/events/{id}}) with everything an edit sends back:
 * the API replaces all the editor's fields on {@code PUT}, so the form is filled from every one of
 * them, and the form sends every one back.
 */
public record DeskEvent(String id, String status, long version, String title, String city, String category,
        String description, OffsetDateTime start, OffsetDateTime previousStart, OffsetDateTime end, Boolean allDay,
        String venueId, Place venue, List<OffsetDateTime> nextOccurrences, EventWrite.Recurrence recurrence,
        String language, Price price, List<String> tags, String ticketUrl, Image image, List<String> accessibility) {

    /** The cities' time: JSON reading keeps the instant but not the offset, and the desk shows local times. */
    static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");

    public DeskEvent {
        start = local(start);
        end = local(end);
        previousStart = local(previousStart);
        nextOccurrences = nextOccurrences == null ? List.of() : nextOccurrences.stream().map(DeskEvent::local).toList();
        tags = tags == null ? List.of() : tags;
        accessibility = accessibility == null ? List.of() : accessibility;
    }

    /** The same instant at the city's offset of that day: every time the desk shows is city time. */
    static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(CITY_TIME).toOffsetDateTime();
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
