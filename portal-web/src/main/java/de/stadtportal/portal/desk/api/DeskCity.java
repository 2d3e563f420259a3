package de.stadtportal.portal.desk.api;

/** A city as the desk lists it: its slug and its name. */
public record DeskCity(String slug, String name) {
}
