/**
 * {@code /api/venues}: parameters, cursors, {@code If-Match} and the caller into the venue commands
 * and queries; venues into {@code VenueView}s, pages and ETags.
 */
package de.stadtportal.events.venue.web;
