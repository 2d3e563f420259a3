/**
 * Event use cases. {@link de.stadtportal.events.event.application.EventService} takes the commands
 * ({@code CreateEvent}, {@code ReviseEvent}, the lifecycle steps, {@code DeleteEvent}) with the caller
 * and {@code If-Match}, and stores each version with its contract event
 * ({@link de.stadtportal.events.event.application.EventIntegrationEvents}) in one transaction;
 * {@link de.stadtportal.events.event.application.OccurrenceService} answers {@code OccurrenceQuery}s.
 * Two jobs run in the background in one shape ({@code PeriodicJob}): the listing of starts and the
 * announcement of series whose announced starts run low. Nothing here knows HTTP.
 */
package de.stadtportal.events.event.application;

