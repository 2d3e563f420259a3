package de.stadtportal.events.city.application;

/** A city content-service removed, in the version of its removal. */
public record ForgetCity(String slug, long version) {
}
