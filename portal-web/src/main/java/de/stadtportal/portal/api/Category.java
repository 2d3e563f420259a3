package de.stadtportal.portal.api;

/** One of {@code GET /api/events/categories}: the id the API filters by and the label people read. */
public record Category(String id, String label) {
}
