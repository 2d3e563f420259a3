/**
 * The city use cases: list, read, and create or replace a portrait (admins only), each change
 * committed with its {@code CityChanged} outbox entry. {@link de.stadtportal.content.city.application.KnownCities}
 * is what the article and highlight features ask of cities; {@code CityService} answers it.
 */
package de.stadtportal.content.city.application;
