package de.stadtportal.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.events.Fixtures;
import de.stadtportal.testing.security.Tokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /api/events/batch}: several events in one request, all created or none; a refusal
 * names the item at fault, and a refused batch leaves no event and no outbox row behind.
 */
class EventBatchIT extends AtMusikforum {

    @Test
    void an_editor_creates_three_events_in_one_request_each_readable_and_announced() {
        long outbox = fixtures.outboxMark();

        @SuppressWarnings("unchecked")
        Map<String, List<Map<?, ?>>> answer = batch(Tokens.editor(city), List.of(event("Kammerkonzert"), event("Orgelstunde"),
                event("Liederabend"))).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        List<Map<?, ?>> created = answer.get("events");
        assertThat(created).extracting(item -> (Object) item.get("title"))
                .containsExactly("Kammerkonzert", "Orgelstunde", "Liederabend");
        for (Map<?, ?> event : created) {
            web.get().uri("/api/events/{id}", event.get("id")).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.title").isEqualTo(event.get("title"))
                    .jsonPath("$.venue.name").isEqualTo("Anneliese Brost Musikforum Ruhr");
        }
        assertThat(eventsInCity()).isEqualTo(3);
        assertThat(fixtures.outboxRowsSince(outbox)).as("one EventPublished per event").isEqualTo(3);
    }

    @Test
    void invalid_fields_of_every_item_come_in_one_400_and_nothing_is_written() {
        Map<String, Object> untitled = event("Kammerkonzert");
        untitled.put("title", " ");
        Map<String, Object> uncategorised = event("Orgelstunde");
        uncategorised.put("category", "zirkus");

        refused(400, Tokens.editor(city), List.of(event("Liederabend"), untitled, uncategorised))
                .jsonPath("$.errors[?(@.field == 'events[1].title')]").exists()
                .jsonPath("$.errors[?(@.field == 'events[2].category')]").exists()
                .jsonPath("$.errors.length()").isEqualTo(2);
    }

    @Test
    void a_value_that_cannot_be_read_is_named_with_its_item() {
        Map<String, Object> undated = event("Orgelstunde");
        undated.put("start", "nächsten Freitag");

        refused(400, Tokens.editor(city), List.of(event("Liederabend"), undated))
                .jsonPath("$.errors[0].field").isEqualTo("events[1].start");
    }

    @Test
    void an_unknown_venue_in_the_last_item_undoes_the_items_before_it() {
        Map<String, Object> nowhere = event("Orgelstunde");
        nowhere.put("venueId", UUID.randomUUID().toString());

        refused(422, Tokens.editor(city), List.of(event("Kammerkonzert"), event("Liederabend"), nowhere))
                .jsonPath("$.errors[0].field").isEqualTo("events[2].venueId")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("events[2]: "));
    }

    @Test
    void a_batch_needs_a_token_and_an_editor_of_every_city_in_it() {
        String other = fixtures.knownCity(Fixtures.newCity("herne"));
        String herneVenue = fixtures.venue(other, "Kulturzentrum Herne", 51.54, 7.22);
        Map<String, Object> inHerne = Fixtures.eventBody(other, herneVenue, "Flutlichtkonzert",
                "2027-03-24T19:00:00+01:00", null);

        refused(401, null, List.of(event("Kammerkonzert")));
        refused(403, Tokens.editor(city), List.of(event("Kammerkonzert"), inHerne))
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("events[1]: "));
        assertThat(fixtures.count("SELECT count(*) FROM event WHERE city = '" + other + "'")).isZero();

        batch(Tokens.editor(city, other), List.of(event("Kammerkonzert"), inHerne)).expectStatus().isCreated();
        assertThat(eventsInCity()).isEqualTo(1);
    }

    @Test
    void an_empty_batch_a_missing_item_and_one_over_the_limit_are_refused() {
        refused(400, Tokens.editor(city), List.of()).jsonPath("$.errors[0].field").isEqualTo("events");
        List<Map<String, Object>> withHole = new ArrayList<>();
        withHole.add(event("Kammerkonzert"));
        withHole.add(null);
        refused(400, Tokens.editor(city), withHole).jsonPath("$.errors[0].field").isEqualTo("events[1]");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            tooMany.add(event("Konzert " + i));
        }
        refused(422, Tokens.editor(city), tooMany).jsonPath("$.errors[0].field").isEqualTo("events");
    }

    private Map<String, Object> event(String title) {
        return Fixtures.eventBody(city, venue, title, "2027-03-20T19:00:00+01:00", "2027-03-20T21:00:00+01:00");
    }

    private WebTestClient.ResponseSpec batch(String token, List<Map<String, Object>> events) {
        Map<String, Object> body = new HashMap<>();
        body.put("events", events);
        return web.post().uri("/api/events/batch")
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** The refusal as a problem document; nothing of the batch was written, neither an event nor an outbox row. */
    private WebTestClient.BodyContentSpec refused(int status, String token, List<Map<String, Object>> events) {
        long outbox = fixtures.outboxMark();
        WebTestClient.BodyContentSpec body = batch(token, events).expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status);
        assertThat(eventsInCity()).isZero();
        assertThat(fixtures.outboxRowsSince(outbox)).isZero();
        return body;
    }

    private long eventsInCity() {
        return fixtures.count("SELECT count(*) FROM event WHERE city = '" + city + "'");
    }
}
