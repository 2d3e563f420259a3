package de.stadtportal.content.city.application;

/** A page of cities in slug order, starting after {@code afterSlug} (null for the first page). */
public record CityListQuery(String afterSlug, int limit) {
}
