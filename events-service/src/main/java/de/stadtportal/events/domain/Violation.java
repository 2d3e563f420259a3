package de.stadtportal.events.domain;

/** One rejected field of an input, in the words the API uses for it. */
public record Violation(String field, String message) {
}
