package de.stadtportal.events.event.domain;

import java.time.OffsetDateTime;

/** One time an event takes place, in Europe/Berlin time. */
public record Occurrence(OffsetDateTime start, OffsetDateTime end) {
}
