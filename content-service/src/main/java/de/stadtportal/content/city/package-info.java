/**
 * Cities: listed and read by everybody, changed by admins only. Every change is announced as
 * {@code CityChanged} on {@code content.cities.v1}, which the events service needs to accept
 * events of a city. Other features ask {@link de.stadtportal.content.city.application.KnownCities}
 * whether a city exists.
 */
package de.stadtportal.content.city;
