package de.stadtportal.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.events.EventsServiceIntegrationTest;
import de.stadtportal.events.Fixtures;
import de.stadtportal.events.event.domain.RecurrenceTest;
import de.stadtportal.testing.security.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Recurrence rules that would expand without bound (each BY-part, finer frequencies, large COUNT,
 * far UNTIL, combinations) are refused as 422 problems naming {@code recurrence.rrule}, on create,
 * on update and on rescheduling, and leave no row and no outbox entry behind.
 */
class RecurrenceBombsIT extends EventsServiceIntegrationTest {

    private String city;
    private String venue;

    @BeforeEach
    void setUp() {
        city = fixtures.knownCity(Fixtures.newCity("bochum"));
        venue = fixtures.venue(city, "Jahrhunderthalle", 51.4795, 7.2006);
    }

    @Test
    void every_rule_beyond_the_bound_is_a_422_naming_the_rule_and_nothing_is_written() {
        long events = fixtures.count("SELECT count(*) FROM event");
        long outbox = fixtures.outboxMark();

        for (String rule : RecurrenceTest.BOMBS) {
            post(series(rule)).expectStatus().isEqualTo(422)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(422)
                    .jsonPath("$.errors[0].field").isEqualTo("recurrence.rrule")
                    .jsonPath("$.errors.length()").isEqualTo(1);
        }

        assertThat(fixtures.count("SELECT count(*) FROM event")).isEqualTo(events);
        assertThat(fixtures.outboxRowsSince(outbox)).isZero();
    }

    @Test
    void an_edit_or_a_rescheduling_that_would_take_a_series_beyond_the_bound_is_refused_and_changes_nothing() {
        Map<String, Object> body = series("FREQ=DAILY;BYHOUR=10,13,16,19;UNTIL=20270801T000000Z");
        String id = fixtures.event(body);
        String etag = web.get().uri("/api/events/{id}", id).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();
        long outbox = fixtures.outboxMark();

        body.put("recurrence", Map.of("rrule", "FREQ=DAILY;BYHOUR=10,13,16,19;UNTIL=99991231T235959Z"));
        web.put().uri("/api/events/{id}", id).headers(h -> {
            h.setBearerAuth(Tokens.editor(city));
            h.setIfMatch(etag);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("recurrence.rrule");
        web.post().uri("/api/events/{id}/rescheduling", id).headers(h -> h.setBearerAuth(Tokens.editor(city)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("start", "2019-03-20T19:00:00+01:00"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("recurrence.rrule");

        assertThat(fixtures.outboxRowsSince(outbox)).isZero();
        web.get().uri("/api/events/{id}", id).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", etag);
    }

    @Test
    void a_series_within_the_bound_is_stored_and_a_far_until_makes_it_endless() {
        String id = fixtures.event(series("FREQ=DAILY;BYHOUR=15,19;UNTIL=99991231T235959Z"));

        assertThat(fixtures.count("SELECT count(*) FROM event WHERE id = '" + id + "' AND series_end IS NULL"))
                .isEqualTo(1);
        web.get().uri("/api/events?city={city}&from=2027-03-20&to=2027-03-22", city).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(4);
    }

    private Map<String, Object> series(String rule) {
        Map<String, Object> body = new HashMap<>(Fixtures.eventBody(city, venue, "Dauerbrenner",
                "2027-03-20T15:00:00+01:00", null));
        body.put("recurrence", Map.of("rrule", rule, "exdates", List.of()));
        return body;
    }

    private WebTestClient.ResponseSpec post(Map<String, Object> body) {
        return web.post().uri("/api/events").headers(h -> h.setBearerAuth(Tokens.editor(city)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
