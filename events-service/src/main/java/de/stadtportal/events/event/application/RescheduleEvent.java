package de.stadtportal.events.event.application;

import de.stadtportal.kernel.version.IfMatch;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Move an event (or its whole series) to a new start and, optionally, end; {@code ifMatch} is checked when sent. */
public record RescheduleEvent(UUID id, OffsetDateTime start, OffsetDateTime end, IfMatch ifMatch) {
}
