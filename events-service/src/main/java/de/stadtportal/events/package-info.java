/**
 * events-service: venues and cultural events of the portal's cities, with recurrences expanded in
 * Europe/Berlin time, schema.org and iCalendar representations, and a search-ready snapshot of every
 * change published through the transactional outbox. Features first ({@code city}, {@code venue},
 * {@code event}), each in the layers of docs/architecture.md: a plain-Java {@code domain} that decides,
 * an {@code application} layer that orchestrates, {@code persistence} with the SQL, and {@code web}
 * or {@code listener} where requests and records come in. This package holds the wiring only.
 */
package de.stadtportal.events;
