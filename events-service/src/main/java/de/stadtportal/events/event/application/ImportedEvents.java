package de.stadtportal.events.event.application;

import de.stadtportal.events.event.domain.EventAtVenue;
import java.util.List;
import java.util.UUID;

/** What an import did: the events it made, and the entries it left as they were (imported before). */
public record ImportedEvents(List<EventAtVenue> created, List<Unchanged> unchanged) {

    /** An entry of the calendar imported before, and the event made of it then. */
    public record Unchanged(String uid, UUID id) {
    }
}
