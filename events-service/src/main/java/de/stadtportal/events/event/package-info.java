/**
 * Cultural events: {@code /api/events} for reading occurrences (recurring events expanded at query
 * time, filtered in SQL first, with an indexed great-circle radius), single events as JSON, schema.org
 * JSON-LD or iCalendar, an iCalendar feed, and the editor's writes and lifecycle steps, each stored
 * with its {@code EventPublished} or {@code EventWithdrawn} through the outbox.
 */
package de.stadtportal.events.event;
