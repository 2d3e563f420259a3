/**
 * events-service: venues and cultural events of the portal's cities, with recurrences expanded in
 * Europe/Berlin time, schema.org and iCalendar representations, and a search-ready snapshot of every
 * change published through the transactional outbox. Features first ({@code city}, {@code venue},
 * {@code event}), each with a plain-Java {@code domain} package at its heart.
 */
package de.stadtportal.events;
