package de.stadtportal.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

public enum EventType {

    CITY_CHANGED("stadtportal.content.city.changed.v1", Topics.CONTENT_CITIES, CityChanged.class, "city-changed"),
    CITY_REMOVED("stadtportal.content.city.removed.v1", Topics.CONTENT_CITIES, CityRemoved.class, "city-removed"),
    ARTICLE_PUBLISHED("stadtportal.content.article.published.v1", Topics.CONTENT_ARTICLES, ArticlePublished.class,
            "article-published"),
    ARTICLE_WITHDRAWN("stadtportal.content.article.withdrawn.v1", Topics.CONTENT_ARTICLES, ArticleWithdrawn.class,
            "article-withdrawn"),
    MEDIA_CHANGED("stadtportal.content.media.changed.v1", Topics.CONTENT_MEDIA, MediaChanged.class, "media-changed"),
    MEDIA_REMOVED("stadtportal.content.media.removed.v1", Topics.CONTENT_MEDIA, MediaRemoved.class, "media-removed"),
    VENUE_CHANGED("stadtportal.events.venue.changed.v1", Topics.EVENTS_VENUES, VenueChanged.class, "venue-changed"),
    VENUE_REMOVED("stadtportal.events.venue.removed.v1", Topics.EVENTS_VENUES, VenueRemoved.class, "venue-removed"),
    EVENT_PUBLISHED("stadtportal.events.event.published.v1", Topics.EVENTS_EVENTS, EventPublished.class,
            "event-published"),
    EVENT_WITHDRAWN("stadtportal.events.event.withdrawn.v1", Topics.EVENTS_EVENTS, EventWithdrawn.class,
            "event-withdrawn");

    static final String SCHEMA_DIRECTORY = "de/stadtportal/contracts/schemas/";

    private static final Map<String, EventType> BY_CE_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));
    private static final Map<Class<? extends IntegrationEvent>, EventType> BY_JAVA_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private final String ceType;
    private final String topic;
    private final Class<? extends IntegrationEvent> javaType;
    private final String schemaFileName;

    EventType(String ceType, String topic, Class<? extends IntegrationEvent> javaType, String schemaName) {
        this.ceType = ceType;
        this.topic = topic;
        this.javaType = javaType;
        this.schemaFileName = schemaName + ".v1.schema.json";
    }

    public static EventType of(IntegrationEvent event) {
        Objects.requireNonNull(event, "event");
        return BY_JAVA_TYPE.get(event.getClass());
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Optional.ofNullable(ceType).map(BY_CE_TYPE::get);
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends IntegrationEvent> javaType() {
        return javaType;
    }

    /** Classpath location of the JSON Schema, e.g. for serving it or for contract tests in other languages. */
    public String schemaResource() {
        return SCHEMA_DIRECTORY + schemaFileName;
    }

    String schemaFileName() {
        return schemaFileName;
    }

    /**
     * The CloudEvents {@code source}: the service that owns the topic and alone publishes to it. Topic names
     * start with the owning service's name ({@code content.cities.v1} belongs to content-service).
     */
    public String source() {
        return "/stadtportal/" + topic.substring(0, topic.indexOf('.')) + "-service";
    }
}
