package de.stadtportal.events.event.application;

import de.stadtportal.events.event.domain.EventDetails;

/** Create an event at a venue of its city. */
public record CreateEvent(EventDetails details) {
}
