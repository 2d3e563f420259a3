/**
 * The service's own copy of the platform's cities, fed by the content service's city events rather
 * than asked for on every write, so that events-service keeps accepting writes while content-service
 * is down and never calls another service synchronously.
 */
package de.stadtportal.events.city;
