package de.stadtportal.kernel.refusal;

/** One rejected field of an input, in the words the API uses for it. */
public record Violation(String field, String message) {
}
