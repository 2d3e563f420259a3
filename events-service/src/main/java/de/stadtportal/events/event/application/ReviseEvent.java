package de.stadtportal.events.event.application;

import de.stadtportal.events.event.domain.EventDetails;
import de.stadtportal.kernel.version.IfMatch;
import java.util.UUID;

/** Replace what an editor says about an event; {@code ifMatch} must name the version read. */
public record ReviseEvent(UUID id, EventDetails details, IfMatch ifMatch) {
}
