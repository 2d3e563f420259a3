package de.stadtportal.events.venue.application;

import de.stadtportal.events.venue.domain.VenueDetails;
import de.stadtportal.kernel.version.IfMatch;
import java.util.UUID;

/** Replace what an editor says about a venue; {@code ifMatch} must name the version read. */
public record ReviseVenue(UUID id, VenueDetails details, IfMatch ifMatch) {
}
