package de.stadtportal.contracts;

import java.util.List;

public final class Topics {

    public static final String CONTENT_CITIES = "content.cities.v1";
    public static final String CONTENT_ARTICLES = "content.articles.v1";
    public static final String CONTENT_MEDIA = "content.media.v1";
    public static final String EVENTS_VENUES = "events.venues.v1";
    public static final String EVENTS_EVENTS = "events.events.v1";

    public static final List<String> ALL = List.of(CONTENT_CITIES, CONTENT_ARTICLES, CONTENT_MEDIA, EVENTS_VENUES,
            EVENTS_EVENTS);

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
