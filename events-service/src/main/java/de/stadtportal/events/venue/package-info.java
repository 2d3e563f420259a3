/**
 * Venues: {@code /api/venues} for reading and for editors of the venue's city to write, stored in
 * PostgreSQL with a GiST index on their position for radius queries, and published as
 * {@code VenueChanged}/{@code VenueRemoved} through the outbox.
 */
package de.stadtportal.events.venue;
