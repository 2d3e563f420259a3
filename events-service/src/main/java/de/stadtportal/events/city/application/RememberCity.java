package de.stadtportal.events.city.application;

/**
 * A city content-service announced: its {@code slug} and {@code name}, in the {@code version} of the
 * city aggregate {@code cityId} (content-service names a city by its slug, so both are the same today).
 */
public record RememberCity(String cityId, long version, String slug, String name) {
}
