package de.stadtportal.events.event;

import java.time.OffsetDateTime;

/** The body of {@code POST /api/events/{id}/rescheduling}: the new start and, optionally, end. */
record Rescheduling(OffsetDateTime start, OffsetDateTime end) {
}
