package de.stadtportal.gateway.home;

import de.stadtportal.gateway.GatewayProperties;
import de.stadtportal.gateway.balancing.Backend;
import java.net.URI;
import java.time.Duration;
import org.springframework.web.util.UriComponentsBuilder;

/** The parts of a city home, where each comes from and how long it may take. */
enum HomePart {

    CITY("city", "content", "/api/cities/{city}", false),
    HIGHLIGHTS("highlights", "content", "/api/cities/{city}/highlights", true),
    ARTICLES("articles", "content", "/api/cities/{city}/articles?limit=5", true),
    EVENTS("events", "events", "/api/events?city={city}&limit=5", true);

    private final String field;
    private final String backend;
    private final String path;
    private final boolean list;

    HomePart(String field, String backend, String path, boolean list) {
        this.field = field;
        this.backend = backend;
        this.path = path;
        this.list = list;
    }

    String field() {
        return field;
    }

    String backend() {
        return backend;
    }

    /** Lists are served as their items; the home shows the first page only. */
    boolean list() {
        return list;
    }

    /** Where this part is read: the service by name, one of its instances chosen by the load balancer. */
    URI uri(String city) {
        URI base = (backend.equals("content") ? Backend.CONTENT : Backend.EVENTS).balancedUri();
        return UriComponentsBuilder.fromUri(base).path(path.contains("?") ? path.substring(0, path.indexOf('?')) : path)
                .query(path.contains("?") ? path.substring(path.indexOf('?') + 1) : null)
                .buildAndExpand(city).encode().toUri();
    }

    Duration timeout(GatewayProperties.Home home) {
        return switch (this) {
            case CITY -> home.cityTimeout();
            case HIGHLIGHTS -> home.highlightsTimeout();
            case ARTICLES -> home.articlesTimeout();
            case EVENTS -> home.eventsTimeout();
        };
    }
}
