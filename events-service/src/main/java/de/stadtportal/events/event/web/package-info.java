/**
 * {@code /api/events}: query parameters, cursors, {@code Accept}, {@code If-Match} and the caller
 * into the event commands and queries; results into {@code EventView}s and {@code OccurrenceView}s,
 * schema.org JSON-LD and iCalendar, pages, ETags and statuses. Every bad query parameter is named
 * in one 400.
 */
package de.stadtportal.events.event.web;
