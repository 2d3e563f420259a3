package de.stadtportal.content.article.domain;

import java.util.Objects;

/** A picture with the text that replaces it for people who cannot see it. */
public record Image(String url, String alt) {

    public Image {
        Objects.requireNonNull(url, "url");
    }
}
