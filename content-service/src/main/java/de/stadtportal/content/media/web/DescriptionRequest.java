package de.stadtportal.content.media.web;

import de.stadtportal.content.media.domain.Description;
import de.stadtportal.content.media.domain.FocalPoint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/media/{id}}: the whole description, replacing the previous one. The
 * focal point is {@code "x,y"} as in the upload form.
 */
record DescriptionRequest(
        @NotBlank @Size(max = 300) String alt,
        @Size(max = 300) String altEn,
        @Size(max = 1000) String caption,
        @Size(max = 200) String credit,
        @Size(max = 200) String licence,
        @Size(max = 40) String focalPoint) {

    Description description() {
        return new Description(alt, altEn, caption, credit, licence, FocalPoint.parse(focalPoint));
    }
}
