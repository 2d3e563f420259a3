/**
 * The portal's cities as this service knows them: a copy fed by {@code content.cities.v1}
 * ({@code listener} to {@code application} to {@code persistence}), asked by venues and events before
 * they write for a city.
 */
package de.stadtportal.events.city;
