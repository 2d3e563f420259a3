package de.stadtportal.events.event.web;

import java.time.OffsetDateTime;

/** The body of {@code POST /api/events/{id}/rescheduling}: the new start and, optionally, end. */
record RescheduleRequest(OffsetDateTime start, OffsetDateTime end) {
}
