package de.stadtportal.events.venue.application;

import de.stadtportal.events.venue.domain.VenueDetails;

/** Create a venue in a city. */
public record CreateVenue(VenueDetails details) {
}
