package de.stadtportal.content.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An image as requests send and responses show it: an absolute http(s) URL and its alt text.
 * Apps load these URLs directly, so nothing else (no {@code javascript:}, no {@code data:}) is taken.
 */
public record ImageBody(
        @NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String url,
        @Size(max = 300) String alt) {
}
