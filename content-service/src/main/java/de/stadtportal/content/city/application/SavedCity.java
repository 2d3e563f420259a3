package de.stadtportal.content.city.application;

import de.stadtportal.content.city.domain.City;

/** The city as saved, and whether the save created it. */
public record SavedCity(City city, boolean created) {
}
