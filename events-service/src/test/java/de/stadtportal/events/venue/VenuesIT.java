package de.stadtportal.events.venue;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.contracts.EventPublished;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.Topics;
import de.stadtportal.contracts.VenueChanged;
import de.stadtportal.contracts.VenueRemoved;
import de.stadtportal.events.EventsServiceIntegrationTest;
import de.stadtportal.events.Fixtures;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.kafka.TopicReader;
import de.stadtportal.testing.security.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class VenuesIT extends EventsServiceIntegrationTest {

    private final TopicReader topics = new TopicReader(Infrastructure.get().kafka().bootstrapServers());
    private String city;

    @BeforeEach
    void setUp() {
        city = fixtures.knownCity(Fixtures.newCity("bochum"));
    }

    @Test
    void a_venue_is_served_with_its_address_geo_and_an_etag_and_listed_by_city_page_by_page() {
        String musikforum = fixtures.venue(city, "Anneliese Brost Musikforum Ruhr", 51.4787, 7.2163);
        fixtures.venue(city, "Jahrhunderthalle", 51.4828, 7.2016);
        fixtures.venue(city, "Schauspielhaus", 51.4739, 7.2237);

        String etag = web.get().uri("/api/venues/{id}", musikforum).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Anneliese Brost Musikforum Ruhr")
                .jsonPath("$.city").isEqualTo(city)
                .jsonPath("$.address.street").isEqualTo("Marienplatz 1")
                .jsonPath("$.geo.lat").isEqualTo(51.4787)
                .jsonPath("$.accessibility[0]").isEqualTo("wheelchair")
                .jsonPath("$.version").isEqualTo(1)
                .returnResult().getResponseHeaders().getETag();
        web.get().uri("/api/venues/{id}", musikforum).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified();

        List<Object> names = new ArrayList<>();
        Map<?, ?> first = page("/api/venues?city=" + city + "&limit=2");
        names.addAll((List<?>) ((List<?>) first.get("items")).stream().map(v -> ((Map<?, ?>) v).get("name")).toList());
        Map<?, ?> second = page("/api/venues?city=" + city + "&limit=2&cursor=" + first.get("next"));
        names.addAll((List<?>) ((List<?>) second.get("items")).stream().map(v -> ((Map<?, ?>) v).get("name")).toList());
        assertThat(second.get("next")).isNull();
        assertThat(names).containsExactly("Anneliese Brost Musikforum Ruhr", "Jahrhunderthalle", "Schauspielhaus");
    }

    @Test
    void a_venue_change_publishes_the_venue_and_new_versions_of_its_events() {
        String venue = fixtures.venue(city, "Musikforum", 51.4787, 7.2163);
        String event = fixtures.event(Fixtures.eventBody(city, venue, "Matinee", "2027-05-16T11:00:00+02:00", null));
        String etag = web.get().uri("/api/venues/{id}", venue).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();
        Map<String, Object> renamed = Fixtures.venueBody(city, "Anneliese Brost Musikforum Ruhr", 51.4787, 7.2163);

        put(venue, renamed, null).expectStatus().isEqualTo(428);
        put(venue, renamed, etag).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);

        List<IntegrationEvent> venueEvents = read(Topics.EVENTS_VENUES, venue, 2);
        assertThat(venueEvents).extracting(IntegrationEvent::version).containsExactly(1L, 2L);
        assertThat(((VenueChanged) venueEvents.get(1)).venue().name()).isEqualTo("Anneliese Brost Musikforum Ruhr");
        List<IntegrationEvent> eventEvents = read(Topics.EVENTS_EVENTS, event, 2);
        assertThat(eventEvents).extracting(IntegrationEvent::version).containsExactly(1L, 2L);
        assertThat(((EventPublished) eventEvents.get(1)).event().venue().name()).isEqualTo("Anneliese Brost Musikforum Ruhr");
    }

    @Test
    void a_venue_with_events_cannot_be_removed_and_an_empty_one_is_removed_with_an_event() {
        String used = fixtures.venue(city, "Zeche", 51.48, 7.25);
        fixtures.event(Fixtures.eventBody(city, used, "Party in der Zeche", "2027-05-22T22:00:00+02:00", null));
        String empty = fixtures.venue(city, "Leerstand", 51.47, 7.21);

        delete(used).expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        delete(empty).expectStatus().isNoContent();
        web.get().uri("/api/venues/{id}", empty).exchange().expectStatus().isNotFound();

        List<IntegrationEvent> removed = read(Topics.EVENTS_VENUES, empty, 2);
        assertThat(removed.get(1)).isInstanceOfSatisfying(VenueRemoved.class, r -> {
            assertThat(r.version()).isEqualTo(2);
            assertThat(r.city()).isEqualTo(city);
        });
    }

    private List<IntegrationEvent> read(String topic, String key, int expected) {
        return topics.read(topic, record -> key.equals(record.key()), expected, Duration.ofMillis(500),
                Duration.ofSeconds(30)).stream().map(record -> envelope.read(record).event()).toList();
    }

    private Map<?, ?> page(String uri) {
        return web.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec put(String id, Map<String, Object> body, String ifMatch) {
        return web.put().uri("/api/venues/{id}", id).headers(h -> {
            h.setBearerAuth(Tokens.editor(city));
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec delete(String id) {
        return web.delete().uri("/api/venues/{id}", id).headers(h -> h.setBearerAuth(Tokens.editor(city))).exchange();
    }
}
