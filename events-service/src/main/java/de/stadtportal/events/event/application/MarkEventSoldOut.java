package de.stadtportal.events.event.application;

import de.stadtportal.kernel.version.IfMatch;
import java.util.UUID;

/** Mark an event as sold out; {@code ifMatch} is checked when sent. */
public record MarkEventSoldOut(UUID id, IfMatch ifMatch) {
}
