/** The service's copy of the platform's cities in PostgreSQL ({@code known_city}). */
package de.stadtportal.events.city.persistence;
