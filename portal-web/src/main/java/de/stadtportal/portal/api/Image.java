package de.stadtportal.portal.api;

/** An image with its alternative text, as articles, portraits, highlights and events carry it. */
public record Image(String url, String alt) {
}
