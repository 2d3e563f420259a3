package de.stadtportal.events.event.application;

import de.stadtportal.kernel.version.IfMatch;
import java.util.UUID;

/** Postpone an event to a date not yet known; {@code ifMatch} is checked when sent. */
public record PostponeEvent(UUID id, IfMatch ifMatch) {
}
