package de.stadtportal.events.event.application;

import de.stadtportal.kernel.version.IfMatch;
import java.util.UUID;

/** Cancel an event; it stays listed, marked as cancelled. {@code ifMatch} is checked when sent. */
public record CancelEvent(UUID id, IfMatch ifMatch) {
}
