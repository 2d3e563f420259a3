package de.stadtportal.events.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.contracts.CityChanged;
import de.stadtportal.contracts.CitySnapshot;
import de.stadtportal.events.EventsServiceIntegrationTest;
import de.stadtportal.events.Fixtures;
import de.stadtportal.testing.security.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service learns its cities from content.cities.v1 and refuses writes for any other. */
class AnnouncedCitiesIT extends EventsServiceIntegrationTest {

    @Test
    void a_city_the_topic_never_mentioned_is_refused_with_422_and_accepted_once_it_is_announced() {
        String witten = Fixtures.newCity("witten");
        Map<String, Object> venue = Fixtures.venueBody(witten, "Saalbau Witten", 51.4436, 7.3353);
        long venues = fixtures.count("SELECT count(*) FROM venue");

        post(venue).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("city");
        assertThat(fixtures.count("SELECT count(*) FROM venue")).isEqualTo(venues);

        fixtures.announceCity(witten);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> post(venue).expectStatus().isCreated());
    }

    @Test
    void a_removed_city_is_refused_again_and_a_late_older_announcement_does_not_bring_it_back() {
        String hattingen = fixtures.knownCity(Fixtures.newCity("hattingen"));
        fixtures.removeCity(hattingen);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                fixtures.count("SELECT count(*) FROM known_city WHERE slug = '" + hattingen + "'") == 0);
        post(Fixtures.venueBody(hattingen, "Henrichshütte", 51.40, 7.18)).expectStatus().isEqualTo(422);
        fixtures.send(new CityChanged(hattingen, 1, Instant.now(),
                new CitySnapshot(hattingen, "Hattingen", null, null, "", Map.of(), null, List.of())));
        String marker = fixtures.knownCity(Fixtures.newCity("marker"));

        assertThat(marker).isNotBlank();
        assertThat(fixtures.count("SELECT count(*) FROM known_city WHERE slug = '" + hattingen + "'")).isZero();
    }

    private WebTestClient.ResponseSpec post(Map<String, Object> venue) {
        return web.post().uri("/api/venues").headers(h -> h.setBearerAuth(Tokens.editor((String) venue.get("city"))))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(venue).exchange();
    }
}
