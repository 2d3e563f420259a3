package de.stadtportal.events.event.application;

import de.stadtportal.events.event.domain.EventDetails;
import java.util.List;

/**
 * Import the events of a calendar into {@code city}, all or none: each entry is an event with the
 * UID its calendar gave it; an entry whose UID was imported into the city before is left as it is.
 */
public record ImportEvents(String city, List<Entry> entries) {

    /** One event of the calendar, with its RFC 5545 UID. */
    public record Entry(String uid, EventDetails details) {
    }

    public ImportEvents {
        entries = List.copyOf(entries);
    }

    List<String> uids() {
        return entries.stream().map(Entry::uid).toList();
    }

    CreateEvents creation() {
        return new CreateEvents(entries.stream().map(Entry::details).toList());
    }
}
