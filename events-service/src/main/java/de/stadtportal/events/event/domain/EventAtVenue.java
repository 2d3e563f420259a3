package de.stadtportal.events.event.domain;

import de.stadtportal.events.venue.domain.Venue;

/** An event together with the venue it takes place at, as it is read, shown and published. */
public record EventAtVenue(Event event, Venue venue) {
}
