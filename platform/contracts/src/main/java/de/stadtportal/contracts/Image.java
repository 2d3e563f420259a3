package de.stadtportal.contracts;

import java.util.Objects;

public record Image(String url, String alt) {

    public Image {
        Objects.requireNonNull(url, "url");
    }
}
