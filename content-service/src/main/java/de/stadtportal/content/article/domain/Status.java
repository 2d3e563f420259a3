package de.stadtportal.content.article.domain;

/** Only published articles are public; a draft may carry a {@code publishAt} for scheduled publishing. */
public enum Status {
    DRAFT, PUBLISHED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Status ofWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
