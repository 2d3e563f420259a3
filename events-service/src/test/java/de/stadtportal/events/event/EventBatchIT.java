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

    /**
     * A batch writes its events in one statement, from JSON, a single create from bound parameters:
     * the same event either way must be the same row, the same listing and the same announcement,
     * down to text that JSON escapes, arrays, numbers, NULLs and a series' exceptions.
     */
    @Test
    void an_event_made_in_a_batch_is_stored_listed_and_announced_as_when_made_alone() {
        Map<String, Object> series = event("Orgelnacht \"Bach\" \\ Ü 🎹 {a,b}");
        series.put("description", "Zeile eins\nZeile zwei\t\"zitiert\" \u0007 <b>fett</b>");
        series.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;COUNT=4",
                "exdates", List.of("2027-03-27T19:00:00+01:00")));
        series.put("tags", List.of("klassik", "orgel, \"live\"", "NULL"));
        series.put("price", Map.of("free", false, "min", 0.5, "max", 1000, "currency", "EUR"));
        Map<String, Object> bare = Fixtures.eventBody(city, venue, "Offenes Singen", "2027-04-01T18:00:00+02:00", null);
        bare.put("price", Map.of("free", true));
        bare.put("accessibility", List.of());
        bare.put("tags", List.of());
        bare.remove("image");
        bare.remove("ticketUrl");
        long mark = fixtures.outboxMark();
        List<String> alone = List.of(fixtures.event(series), fixtures.event(bare));

        @SuppressWarnings("unchecked")
        List<Map<?, ?>> created = ((Map<String, List<Map<?, ?>>>) batch(Tokens.editor(city), List.of(series, bare))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()).get("events");
        List<String> batched = created.stream().map(made -> (String) made.get("id")).toList();

        for (int i = 0; i < 2; i++) {
            assertThat(stored(batched.get(i))).as("row of item " + i).isEqualTo(stored(alone.get(i)));
            assertThat(listed(batched.get(i))).as("listing of item " + i).isEqualTo(listed(alone.get(i)))
                    .isNotEmpty();
            assertThat(announced(batched.get(i))).as("announcement of item " + i)
                    .isEqualTo(announced(alone.get(i)).replace(alone.get(i), batched.get(i)));
        }
        assertThat(listed(batched.get(0))).as("four weeks less the exception").hasSize(3);
        assertThat(fixtures.outboxRowsSince(mark)).isEqualTo(4);
    }

    /** The event's row as JSON, without what differs between two writes of the same event: id and times of writing. */
    private String stored(String id) {
        return database.sql("SELECT CAST(to_jsonb(e) - 'id' - 'created_at' - 'updated_at' AS TEXT) AS row"
                        + " FROM event e WHERE id = CAST(:id AS UUID)")
                .bind("id", id).map(row -> row.get("row", String.class)).one().block();
    }

    /** The event's listed starts and ends. */
    private List<String> listed(String id) {
        return database.sql("SELECT CAST(start_at AS TEXT) || '/' || CAST(end_at AS TEXT) AS span FROM occurrence"
                        + " WHERE event_id = CAST(:id AS UUID) ORDER BY start_at")
                .bind("id", id).map(row -> row.get("span", String.class)).all().collectList().block();
    }

    /** The outbox row announcing the event: its columns and payload without its times, and whether it has a trace. */
    private String announced(String id) {
        return database.sql("SELECT concat_ws(' | ', topic, message_key, ce_type, ce_source,"
                        + " CASE WHEN traceparent IS NULL THEN 'untraced' ELSE 'traced' END,"
                        + " CAST(convert_from(payload, 'UTF8')::jsonb - 'occurredAt' #- '{event,updatedAt}'"
                        + " #- '{event,createdAt}' AS TEXT)) AS announced FROM outbox WHERE message_key = :id")
                .bind("id", id).map(row -> row.get("announced", String.class)).one().block();
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
