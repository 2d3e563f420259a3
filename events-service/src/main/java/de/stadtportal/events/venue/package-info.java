/**
 * Venues: {@code /api/venues} for reading and for editors of the venue's city to write, stored in
 * PostgreSQL and published as {@code VenueChanged}/{@code VenueRemoved} through the outbox, in the
 * layers of docs/architecture.md ({@code domain}, {@code application}, {@code persistence}, {@code web}).
 */
package de.stadtportal.events.venue;
