package de.stadtportal.content.media.domain;

import java.util.Arrays;
import java.util.Optional;

/** The formats renditions are made in, named by the extension of their URL. */
public enum RenditionFormat {

    JPG("jpg", "image/jpeg"), WEBP("webp", "image/webp");

    private final String extension;
    private final String contentType;

    RenditionFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<RenditionFormat> ofExtension(String extension) {
        return Arrays.stream(values()).filter(format -> format.extension.equals(extension)).findFirst();
    }
}
