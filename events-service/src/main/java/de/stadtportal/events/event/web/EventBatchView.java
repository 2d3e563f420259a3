package de.stadtportal.events.event.web;

import java.util.List;

/** The answer to {@code POST /api/events/batch}: the new events, in the order they were sent. */
record EventBatchView(List<EventView> events) {
}
