package de.stadtportal.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.contracts.EventPublished;
import de.stadtportal.contracts.EventWithdrawn;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.Topics;
import de.stadtportal.events.Fixtures;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.kafka.TopicReader;
import de.stadtportal.testing.security.Tokens;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class EventLifecycleIT extends AtMusikforum {

    private final TopicReader topics = new TopicReader(Infrastructure.get().kafka().bootstrapServers());

    @Test
    void a_new_event_is_served_as_json_with_its_venue_and_an_etag_that_revalidates() {
        String id = fixtures.event(Fixtures.eventBody(city, venue, "Sinfoniekonzert im Musikforum",
                "2027-03-20T19:00:00+01:00", "2027-03-20T21:00:00+01:00"));

        String etag = web.get().uri("/api/events/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.city").isEqualTo(city)
                .jsonPath("$.title").isEqualTo("Sinfoniekonzert im Musikforum")
                .jsonPath("$.start").isEqualTo("2027-03-20T19:00:00+01:00")
                .jsonPath("$.end").isEqualTo("2027-03-20T21:00:00+01:00")
                .jsonPath("$.status").isEqualTo("scheduled")
                .jsonPath("$.previousStart").doesNotExist()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.venue.id").isEqualTo(venue)
                .jsonPath("$.venue.name").isEqualTo("Anneliese Brost Musikforum Ruhr")
                .jsonPath("$.venue.geo.lat").isEqualTo(51.4787)
                .jsonPath("$.price.min").isEqualTo(12.0)
                .jsonPath("$.price.currency").isEqualTo("EUR")
                .returnResult().getResponseHeaders().getETag();

        web.get().uri("/api/events/{id}", id).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void an_update_needs_the_current_etag() {
        Map<String, Object> body = Fixtures.eventBody(city, venue, "Kammermusik", "2027-05-01T18:00:00+02:00", null);
        String id = fixtures.event(body);
        String etag = fixtures.etag(id);
        body.put("title", "Kammermusik am Nachmittag");

        put(id, body, null).expectStatus().isEqualTo(428);
        put(id, body, "\"stale\"").expectStatus().isEqualTo(412);
        put(id, body, etag).expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Kammermusik am Nachmittag").jsonPath("$.version").isEqualTo(2);
        put(id, body, etag).expectStatus().isEqualTo(412);
    }

    @Test
    void every_lifecycle_step_publishes_a_new_version_and_delete_withdraws_the_event() {
        String id = fixtures.event(Fixtures.eventBody(city, venue, "Liederabend", "2027-06-12T19:30:00+02:00",
                "2027-06-12T21:30:00+02:00"));

        step(id, "sold-out", null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("sold_out");
        step(id, "postponement", null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("postponed");
        step(id, "rescheduling", Map.of("start", "2027-09-18T19:30:00+02:00")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("rescheduled")
                .jsonPath("$.start").isEqualTo("2027-09-18T19:30:00+02:00")
                .jsonPath("$.end").isEqualTo("2027-09-18T21:30:00+02:00")
                .jsonPath("$.previousStart").isEqualTo("2027-06-12T19:30:00+02:00");
        step(id, "cancellation", null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("cancelled")
                .jsonPath("$.version").isEqualTo(5);
        step(id, "sold-out", null).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/events?city={city}&from=2027-09-01&to=2027-10-01", city).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].eventId").isEqualTo(id).jsonPath("$.items[0].status").isEqualTo("cancelled");
        web.delete().uri("/api/events/{id}", id).headers(h -> h.setBearerAuth(Tokens.editor(city))).exchange()
                .expectStatus().isNoContent();
        web.get().uri("/api/events/{id}", id).exchange().expectStatus().isNotFound();

        List<IntegrationEvent> published = topics.read(Topics.EVENTS_EVENTS, record -> id.equals(record.key()), 6,
                        Duration.ofSeconds(1), Duration.ofSeconds(30)).stream()
                .map(this::decode).toList();
        assertThat(published).extracting(IntegrationEvent::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(published.subList(0, 5)).extracting(e -> ((EventPublished) e).event().status())
                .containsExactly("scheduled", "sold_out", "postponed", "rescheduled", "cancelled");
        assertThat(published.get(5)).isInstanceOfSatisfying(EventWithdrawn.class,
                withdrawn -> assertThat(withdrawn.city()).isEqualTo(city));
        EventPublished rescheduled = (EventPublished) published.get(3);
        assertThat(rescheduled.event().previousStart()).isEqualTo(OffsetDateTime.parse("2027-06-12T19:30:00+02:00"));
        assertThat(rescheduled.event().venue().name()).isEqualTo("Anneliese Brost Musikforum Ruhr");
        assertThat(rescheduled.event().venue().city()).isEqualTo(city);
        assertThat(rescheduled.event().venue().geo().lat()).isEqualTo(51.4787);
        assertThat(rescheduled.event().category()).isEqualTo("konzert");
        assertThat(rescheduled.event().nextOccurrences()).containsExactly(OffsetDateTime.parse("2027-09-18T19:30:00+02:00"));
    }

    @Test
    void the_categories_come_from_configuration() {
        web.get().uri("/api/events/categories").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(14)
                .jsonPath("$.items[0].id").isEqualTo("konzert")
                .jsonPath("$.items[?(@.id == 'fuehrung')].label").isEqualTo("Führung")
                .jsonPath("$.next").doesNotExist();
    }

    private IntegrationEvent decode(ConsumerRecord<String, byte[]> record) {
        return envelope.read(record).event();
    }

    private WebTestClient.ResponseSpec put(String id, Map<String, Object> body, String ifMatch) {
        return web.put().uri("/api/events/{id}", id)
                .headers(h -> {
                    h.setBearerAuth(Tokens.editor(city));
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec step(String id, String step, Object body) {
        WebTestClient.RequestBodySpec request = web.post().uri("/api/events/{id}/{step}", id, step)
                .headers(h -> h.setBearerAuth(Tokens.editor(city)));
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
