package de.stadtportal.search.document.domain;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of documents a search can return, with the names the API uses for them. */
public enum DocumentType {

    ARTICLE("article"),
    EVENT("event"),
    VENUE("venue"),
    CITY("city");

    private final String wire;

    DocumentType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<DocumentType> ofWire(String wire) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(wire)).findFirst();
    }
}
