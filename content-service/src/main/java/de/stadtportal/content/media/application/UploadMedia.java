package de.stadtportal.content.media.application;

import de.stadtportal.content.media.domain.Description;
import de.stadtportal.content.media.domain.FocalPoint;

/**
 * Add an image to {@code city}'s library. {@code declaredType} is the content type the client gave
 * the file part (may be null); it must agree with what the bytes are. The texts are as the form
 * sent them and are checked only after the caller's right to upload, so that a stranger learns
 * nothing from a validation answer. The file name is never part of it.
 */
public record UploadMedia(String city, byte[] bytes, String declaredType, String alt, String altEn, String caption,
        String credit, String licence, String focalPoint) {

    Description description() {
        return new Description(alt, altEn, caption, credit, licence, FocalPoint.parse(focalPoint));
    }
}
