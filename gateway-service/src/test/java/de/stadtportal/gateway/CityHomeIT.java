package de.stadtportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class CityHomeIT extends GatewayTest {

    @Test
    void the_home_of_a_city_brings_city_highlights_articles_and_events_in_one_answer() {
        String marker = marker();
        web.get().uri("/api/cities/bochum/home").header("X-Request-Id", marker).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().exists("ETag")
                .expectBody()
                .jsonPath("$.city.name").isEqualTo("Bochum")
                .jsonPath("$.highlights[0].title").isEqualTo("Musikforum Ruhr")
                .jsonPath("$.articles[0].slug").isEqualTo("univercity-bochum")
                .jsonPath("$.events[0].title").isEqualTo("Sinfoniekonzert")
                .jsonPath("$.partial").isEqualTo(false)
                .jsonPath("$.missing").isEmpty();

        assertThat(CONTENT.seenWith(marker)).extracting(StandIn.Seen::path, StandIn.Seen::query)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("/api/cities/bochum", ""),
                        org.assertj.core.groups.Tuple.tuple("/api/cities/bochum/highlights", ""),
                        org.assertj.core.groups.Tuple.tuple("/api/cities/bochum/articles", "limit=5"));
        assertThat(EVENTS.seenWith(marker)).extracting(StandIn.Seen::path, StandIn.Seen::query)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/api/events", "city=bochum&limit=5"));
    }

    @Test
    void with_the_events_service_down_the_home_is_served_partial_and_names_what_is_missing() {
        EVENTS.down();

        web.get().uri("/api/cities/bochum/home").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.city.name").isEqualTo("Bochum")
                .jsonPath("$.articles[0].slug").isEqualTo("univercity-bochum")
                .jsonPath("$.events").doesNotExist()
                .jsonPath("$.partial").isEqualTo(true)
                .jsonPath("$.missing").value(missing -> assertThat(missing.toString()).isEqualTo("[\"events\"]"));
    }

    @Test
    void an_unchanged_home_is_304_for_the_etag_the_client_holds() {
        String etag = web.get().uri("/api/cities/bochum/home").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();

        web.get().uri("/api/cities/bochum/home").ifNoneMatch(etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals("ETag", etag);
    }

    @Test
    void the_home_of_a_city_that_does_not_exist_is_a_404_problem() {
        web.get().uri("/api/cities/atlantis/home").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void the_backends_see_the_trace_of_the_home_request() {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        String marker = marker();
        web.get().uri("/api/cities/bochum/home").header("traceparent", traceparent).header("X-Request-Id", marker)
                .exchange().expectStatus().isOk();

        String sameTrace = "00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01";
        assertThat(CONTENT.seenWith(marker)).isNotEmpty()
                .allSatisfy(seen -> assertThat(seen.header("traceparent")).matches(sameTrace));
        assertThat(EVENTS.seenWith(marker)).singleElement()
                .satisfies(seen -> assertThat(seen.header("traceparent")).matches(sameTrace));
    }
}
