package de.stadtportal.events;

import static org.awaitility.Awaitility.await;

import de.stadtportal.contracts.CityChanged;
import de.stadtportal.contracts.CityRemoved;
import de.stadtportal.contracts.CitySnapshot;
import de.stadtportal.contracts.EventCodec;
import de.stadtportal.contracts.EventType;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.messaging.envelope.OutgoingMessage;
import de.stadtportal.testing.security.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the integration tests of this module set up again and again: a city announced on the city
 * topic, a venue and an event created through the API, and counts of rows and outbox entries.
 */
public final class Fixtures {

    private static final AtomicLong CITY_VERSIONS = new AtomicLong(System.currentTimeMillis());

    private final WebTestClient web;
    private final KafkaTemplate<String, byte[]> kafka;
    private final CloudEventEnvelope envelope;
    private final EventCodec codec;
    private final DatabaseClient database;

    public Fixtures(WebTestClient web, KafkaTemplate<String, byte[]> kafka, CloudEventEnvelope envelope,
            EventCodec codec, DatabaseClient database) {
        this.web = web;
        this.kafka = kafka;
        this.envelope = envelope;
        this.codec = codec;
        this.database = database;
    }

    /** A city slug no other test uses. */
    public static String newCity(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public void announceCity(String slug) {
        send(new CityChanged(slug, CITY_VERSIONS.incrementAndGet(), Instant.now(),
                new CitySnapshot(slug, "Stadt " + slug, null, null, "Eine Stadt im Ruhrgebiet.", Map.of(), null, List.of())));
    }

    public void removeCity(String slug) {
        send(new CityRemoved(slug, CITY_VERSIONS.incrementAndGet(), Instant.now()));
    }

    /** Announces the city and waits until the service has taken it in. */
    public String knownCity(String slug) {
        announceCity(slug);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM known_city WHERE slug = '"
                + slug + "'") == 1);
        return slug;
    }

    public void send(IntegrationEvent event) {
        EventType type = EventType.of(event);
        kafka.send(envelope.toRecord(new OutgoingMessage(UUID.randomUUID(), type.topic(), event.aggregateId(),
                type.ceType(), type.source(), codec.encode(event), null, event.occurredAt()))).join();
    }

    public static Map<String, Object> venueBody(String city, String name, double lat, double lon) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("city", city);
        body.put("name", name);
        body.put("address", Map.of("street", "Marienplatz 1", "postalCode", "44787", "locality", "Bochum"));
        body.put("geo", Map.of("lat", lat, "lon", lon));
        body.put("accessibility", List.of("wheelchair"));
        body.put("url", "https://example.org/spielstaette");
        return body;
    }

    public String venue(String city, String name, double lat, double lon) {
        return venue(venueBody(city, name, lat, lon));
    }

    public String venue(Map<String, Object> body) {
        return (String) web.post().uri("/api/venues")
                .headers(h -> h.setBearerAuth(Tokens.editor(String.valueOf(body.get("city")))))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    public static Map<String, Object> eventBody(String city, String venueId, String title, String start, String end) {
        Map<String, Object> body = new HashMap<>();
        body.put("city", city);
        body.put("venueId", venueId);
        body.put("title", title);
        body.put("description", "Ein Abend mit Musik aus drei Jahrhunderten.");
        body.put("category", "konzert");
        body.put("start", start);
        if (end != null) {
            body.put("end", end);
        }
        body.put("allDay", false);
        body.put("price", Map.of("free", false, "min", 12.0, "max", 39.0, "currency", "EUR"));
        body.put("ticketUrl", "https://example.org/karten");
        body.put("language", "de");
        body.put("accessibility", List.of("wheelchair"));
        body.put("tags", List.of("klassik"));
        body.put("image", Map.of("url", "https://example.org/bild.jpg", "alt", "Orchester auf der Bühne"));
        return body;
    }

    public String event(Map<String, Object> body) {
        return (String) web.post().uri("/api/events")
                .headers(h -> h.setBearerAuth(Tokens.editor(String.valueOf(body.get("city")))))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    /** The event's current ETag, as a reader gets it: what an editor sends as {@code If-Match}. */
    public String etag(String id) {
        return web.get().uri("/api/events/{id}", id).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();
    }

    public long count(String sql) {
        return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    /** A mark in the outbox; sent rows are cleaned up after a while, so tests count what came after a mark. */
    public long outboxMark() {
        return count("SELECT coalesce(max(id), 0) FROM outbox");
    }

    public long outboxRowsSince(long mark) {
        return count("SELECT count(*) FROM outbox WHERE id > " + mark);
    }
}
