package de.stadtportal.content.media.domain;

import java.util.Arrays;
import java.util.Optional;

/** The formats an upload may have; SVG is not among them, as a sanitiser is more than a library needs. */
public enum MediaFormat {

    JPEG("jpeg", "image/jpeg"), PNG("png", "image/png"), WEBP("webp", "image/webp");

    private final String wire;
    private final String contentType;

    MediaFormat(String wire, String contentType) {
        this.wire = wire;
        this.contentType = contentType;
    }

    public String wire() {
        return wire;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<MediaFormat> ofWire(String wire) {
        return Arrays.stream(values()).filter(format -> format.wire.equals(wire)).findFirst();
    }
}
