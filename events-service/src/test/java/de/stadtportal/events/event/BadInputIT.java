package de.stadtportal.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.events.Fixtures;
import de.stadtportal.testing.security.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every kind of bad input gets a problem document naming the field, and leaves no row and no event behind. */
class BadInputIT extends AtMusikforum {

    @Test
    void invalid_events_are_400_problems_naming_the_field_and_nothing_is_written() {
        rejected(400, "end", body -> body.put("end", "2027-03-20T18:00:00+01:00"));
        rejected(400, "recurrence.rrule", body -> body.put("recurrence", Map.of("rrule", "FREQ=FORTNIGHTLY")));
        rejected(400, "recurrence.rrule", body -> body.put("recurrence", Map.of("rrule", "FREQ=DAILY;UNTIL=20271105")));
        rejected(400, "category", body -> body.put("category", "zirkus"));
        rejected(400, "price.min", body -> body.put("price", Map.of("free", false, "min", -5, "max", 10)));
        rejected(400, "start", body -> body.put("start", "nächsten Freitag"));
        rejected(400, "title", body -> body.put("title", " "));
        rejected(400, "city", body -> body.put("city", "Bochum City"));
        rejected(400, "language", body -> body.put("language", "deutsch"));
        rejected(400, "ticketUrl", body -> body.put("ticketUrl", "javascript:alert(1)"));
    }

    @Test
    void an_unknown_venue_or_a_venue_of_another_city_is_422_and_nothing_is_written() {
        rejected(422, "venueId", body -> body.put("venueId", UUID.randomUUID().toString()));
        String other = fixtures.knownCity(Fixtures.newCity("herne"));
        String herneVenue = fixtures.venue(other, "Kulturzentrum Herne", 51.54, 7.22);
        rejected(422, "venueId", body -> body.put("venueId", herneVenue));
    }

    @Test
    void venues_with_coordinates_out_of_range_or_without_a_name_are_400_and_nothing_is_written() {
        long venues = fixtures.count("SELECT count(*) FROM venue");
        long outbox = fixtures.outboxMark();
        for (Map<String, Object> geo : List.<Map<String, Object>>of(Map.of("lat", 95.0, "lon", 7.2), Map.of("lat", 51.4, "lon", 181.0))) {
            Map<String, Object> body = Fixtures.venueBody(city, "Nirgendwo", 0, 0);
            body.put("geo", geo);
            postVenue(body).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").value(field -> assertThat((String) field).startsWith("geo"));
        }
        Map<String, Object> nameless = Fixtures.venueBody(city, "", 51.4, 7.2);
        postVenue(nameless).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        assertThat(fixtures.count("SELECT count(*) FROM venue")).isEqualTo(venues);
        assertThat(fixtures.outboxRowsSince(outbox)).isZero();
    }

    @Test
    void writes_need_a_token_and_an_editor_may_write_only_in_their_cities() {
        long events = fixtures.count("SELECT count(*) FROM event");
        long outbox = fixtures.outboxMark();
        Map<String, Object> body = valid();

        web.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/events").headers(h -> h.setBearerAuth(Tokens.editor("dortmund")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String id = fixtures.event(body);
        web.post().uri("/api/events/{id}/cancellation", id).headers(h -> h.setBearerAuth(Tokens.editor("dortmund")))
                .exchange().expectStatus().isForbidden();
        web.delete().uri("/api/events/{id}", id).exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/venues").headers(h -> h.setBearerAuth(Tokens.editor("dortmund")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Fixtures.venueBody(city, "Fremd", 51.4, 7.2))
                .exchange().expectStatus().isForbidden();

        assertThat(fixtures.count("SELECT count(*) FROM event")).isEqualTo(events + 1);
        assertThat(fixtures.outboxRowsSince(outbox)).isEqualTo(1);
        web.post().uri("/api/events").headers(h -> h.setBearerAuth(Tokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated();
    }

    @Test
    void bad_query_parameters_are_400_problems_naming_each_parameter() {
        query("from=2027-05-02&to=2027-05-01", "from");
        query("from=gestern", "from");
        query("to=2027-13-45", "to");
        query("near=51.4,7.2,3", "near");
        query("near=91,7.2", "near");
        query("near=51.4,200", "near");
        query("radiusKm=5", "radiusKm");
        query("near=51.4,7.2&radiusKm=-1", "radiusKm");
        query("limit=101", "limit");
        query("limit=0", "limit");
        query("cursor=kein-cursor", "cursor");
        query("category=zirkus", "category");
        query("venue=nicht-eine-id", "venue");
        query("free=vielleicht", "free");
        query("from=2027-01-01&to=2029-01-01", "to");
        web.get().uri("/api/events/feed.ics?category=zirkus").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/events/{id}", "kein-event").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void query(String parameters, String field) {
        web.get().uri("/api/events?" + parameters).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
    }

    private Map<String, Object> valid() {
        return Fixtures.eventBody(city, venue, "Frühlingskonzert", "2027-03-20T19:00:00+01:00", "2027-03-20T21:00:00+01:00");
    }

    private void rejected(int status, String field, Consumer<Map<String, Object>> breakIt) {
        long events = fixtures.count("SELECT count(*) FROM event");
        long outbox = fixtures.outboxMark();
        Map<String, Object> body = new HashMap<>(valid());
        breakIt.accept(body);

        web.post().uri("/api/events").headers(h -> h.setBearerAuth(Tokens.editor(city)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.errors[?(@.field == '" + field + "')]").exists();

        assertThat(fixtures.count("SELECT count(*) FROM event")).as(field).isEqualTo(events);
        assertThat(fixtures.outboxRowsSince(outbox)).as(field).isZero();
    }

    private WebTestClient.ResponseSpec postVenue(Map<String, Object> body) {
        return web.post().uri("/api/venues").headers(h -> h.setBearerAuth(Tokens.editor(city)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
