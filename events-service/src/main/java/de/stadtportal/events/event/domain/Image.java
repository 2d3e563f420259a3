package de.stadtportal.events.event.domain;

import java.util.Objects;

/** An event's picture and its text for those who cannot see it. */
public record Image(String url, String alt) {

    public Image {
        Objects.requireNonNull(url, "url");
    }
}
