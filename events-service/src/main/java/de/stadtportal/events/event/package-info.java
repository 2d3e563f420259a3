/**
 * Cultural events: {@code /api/events} for reading occurrences (from a listing of each event's
 * starts, filtered in SQL, with an indexed great-circle radius), single events as JSON, schema.org
 * JSON-LD or iCalendar, an iCalendar feed, and the editor's writes and lifecycle steps, each stored
 * with its {@code EventPublished} or {@code EventWithdrawn} through the outbox. Layers as in
 * docs/architecture.md: {@code domain}, {@code application}, {@code persistence}, {@code web}.
 */
package de.stadtportal.events.event;
