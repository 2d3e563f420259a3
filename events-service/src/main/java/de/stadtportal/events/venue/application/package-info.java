/**
 * Venue use cases: {@link de.stadtportal.events.venue.application.VenueService} takes the commands
 * and the caller, checks rights, {@code If-Match} and the city, and stores each change with its
 * contract event ({@link de.stadtportal.events.venue.application.VenueIntegrationEvents}) in one
 * transaction. Events hang on venues through {@link de.stadtportal.events.venue.application.VenueDependents},
 * which the event feature implements, so this feature never knows about events.
 */
package de.stadtportal.events.venue.application;
