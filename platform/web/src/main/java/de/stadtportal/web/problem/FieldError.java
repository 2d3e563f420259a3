package de.stadtportal.web.problem;

/** One rejected field of a request: its JSON path (or parameter name) and why. */
public record FieldError(String field, String message) {
}
