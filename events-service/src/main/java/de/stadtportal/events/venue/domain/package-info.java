/**
 * Venues as plain Java: their details, the rules those must follow (refused with the kernel's
 * refusals) and the {@link de.stadtportal.events.venue.domain.VenueEvent}s a change causes. The
 * application layer stores them and maps the events to the contracts other services read.
 */
package de.stadtportal.events.venue.domain;
