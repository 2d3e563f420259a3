package de.stadtportal.portal.desk.api;

/**
 * The body of {@code PUT /api/media/{id}}: the whole description of an image, replacing the one
 * before (the focal point as {@code "x,y"}, as in the upload form).
 */
public record MediaDescription(String alt, String altEn, String caption, String credit, String licence,
        String focalPoint) {
}
