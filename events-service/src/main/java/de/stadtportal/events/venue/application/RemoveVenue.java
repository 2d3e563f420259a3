package de.stadtportal.events.venue.application;

import de.stadtportal.kernel.version.IfMatch;
import java.util.UUID;

/** Remove a venue that has no events; {@code ifMatch} is checked when sent. */
public record RemoveVenue(UUID id, IfMatch ifMatch) {
}
