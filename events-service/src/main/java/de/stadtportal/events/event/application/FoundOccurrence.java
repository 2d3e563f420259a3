package de.stadtportal.events.event.application;

import de.stadtportal.events.event.domain.EventAtVenue;
import de.stadtportal.events.event.domain.Occurrence;

/** One occurrence on a page, with its event and venue; {@code distanceKm} only for a query with {@code near}. */
public record FoundOccurrence(EventAtVenue at, Occurrence occurrence, Double distanceKm) {
}
