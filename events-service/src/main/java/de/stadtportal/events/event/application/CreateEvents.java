package de.stadtportal.events.event.application;

import de.stadtportal.events.event.domain.EventDetails;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Create several events at once, all or none, in the order given; a missing item (null) is refused. */
public record CreateEvents(List<EventDetails> events) {

    public CreateEvents {
        events = events == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(events));
    }
}
