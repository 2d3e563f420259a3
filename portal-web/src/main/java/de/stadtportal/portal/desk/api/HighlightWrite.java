package de.stadtportal.portal.desk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** One teaser in the body of {@code PUT /api/cities/{city}/highlights}, in the API's names. */
public record HighlightWrite(String title, Link link, Image image, OffsetDateTime validFrom,
        OffsetDateTime validUntil) {

    public record Link(String kind, String target) {
    }

    /** A library item by id, or an image by URL with its alt text; what is not given is left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Image(String url, String alt, String mediaId) {
    }
}
