package de.stadtportal.events.event.web;

import de.stadtportal.events.event.application.CreateEvents;
import java.util.List;

/** The body of {@code POST /api/events/batch}: the events to create, each as in {@code POST /api/events}. */
record EventBatchRequest(List<EventRequest> events) {

    CreateEvents command() {
        return new CreateEvents(events == null ? null
                : events.stream().map(event -> event == null ? null : event.details()).toList());
    }
}
