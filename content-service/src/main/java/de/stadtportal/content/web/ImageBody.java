package de.stadtportal.content.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * An image as requests send it: an item of the media library ({@code {"mediaId": "…"}}, its alt
 * text coming from the library unless {@code alt} replaces it here) or, as before the library, an
 * absolute http(s) URL and its alt text. Apps load URLs directly, so nothing else (no
 * {@code javascript:}, no {@code data:}) is taken.
 */
public record ImageBody(
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String url,
        @Size(max = 300) String alt,
        UUID mediaId) {

    public ImageBody(String url, String alt) {
        this(url, alt, null);
    }

    /** Bean Validation's check that the image names something: a media item or a URL. */
    @AssertTrue(message = "must name a mediaId or a url")
    @Schema(hidden = true)
    public boolean isNamed() {
        return mediaId != null || (url != null && !url.isBlank());
    }
}
