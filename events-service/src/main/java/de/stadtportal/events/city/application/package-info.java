/**
 * The service's own copy of the platform's cities, fed by content-service's city events rather than
 * asked for on every write, so that events-service keeps accepting writes while content-service is
 * down and never calls another service synchronously. Venues and events ask it through
 * {@link de.stadtportal.events.city.application.AnnouncedCities}.
 */
package de.stadtportal.events.city.application;
