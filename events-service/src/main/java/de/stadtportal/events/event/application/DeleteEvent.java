package de.stadtportal.events.event.application;

import de.stadtportal.kernel.version.IfMatch;
import java.util.UUID;

/** Delete an event; {@code ifMatch} is checked when sent. */
public record DeleteEvent(UUID id, IfMatch ifMatch) {
}
