package de.stadtportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.testing.security.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

class RoutingIT extends GatewayTest {

    @Autowired
    RouteLocator routes;

    @Test
    void every_configured_route_is_registered_with_its_backend_by_name_for_the_load_balancer() {
        Map<String, String> targets = routes.getRoutes().collectMap(Route::getId, route -> route.getUri().toString())
                .block();

        assertThat(targets).containsOnly(
                Map.entry("content", "lb://content-service"),
                Map.entry("media", "lb://content-service"),
                Map.entry("events", "lb://events-service"),
                Map.entry("search", "lb://search-service"),
                Map.entry("content-api-docs", "lb://content-service"),
                Map.entry("events-api-docs", "lb://events-service"),
                Map.entry("search-api-docs", "lb://search-service"),
                Map.entry("portal-web", "lb://portal-web"));
    }

    @Test
    void every_public_read_of_the_spec_reaches_the_service_that_owns_it() {
        Map<String, StandIn> reads = Map.ofEntries(
                Map.entry("/api/cities", CONTENT),
                Map.entry("/api/cities/bochum", CONTENT),
                Map.entry("/api/cities/bochum/articles?topic=arbeiten&limit=3", CONTENT),
                Map.entry("/api/cities/bochum/articles/univercity-bochum?locale=en", CONTENT),
                Map.entry("/api/cities/bochum/articles/univercity-bochum/revisions", CONTENT),
                Map.entry("/api/cities/bochum/highlights", CONTENT),
                Map.entry("/api/media/7b0e3c52-1f4a-4d8e-9c2b-6a5d4e3f2a10", CONTENT),
                Map.entry("/api/media/7b0e3c52-1f4a-4d8e-9c2b-6a5d4e3f2a10/640.webp", CONTENT),
                Map.entry("/api/events?city=bochum&category=konzert", EVENTS),
                Map.entry("/api/events/6f1c", EVENTS),
                Map.entry("/api/events/feed.ics?city=bochum", EVENTS),
                Map.entry("/api/events/categories", EVENTS),
                Map.entry("/api/venues?city=bochum", EVENTS),
                Map.entry("/api/venues/9a2b", EVENTS),
                Map.entry("/api/search?q=Musikforum&city=bochum", SEARCH),
                Map.entry("/api/search/suggest?q=musikf", SEARCH));

        reads.forEach((uri, owner) -> {
            String marker = marker();
            web.get().uri(uri).header("X-Request-Id", marker).exchange().expectStatus().isOk();
            String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
            assertThat(owner.seenWith(marker)).as(uri).singleElement()
                    .satisfies(seen -> assertThat(seen.path()).isEqualTo(path));
            for (StandIn other : List.of(CONTENT, EVENTS, SEARCH)) {
                if (other != owner) {
                    assertThat(other.seenWith(marker)).as(uri + " must not reach another service").isEmpty();
                }
            }
        });
    }

    @Test
    void every_write_of_the_spec_reaches_its_service_with_the_token_passed_on() {
        record Write(HttpMethod method, String uri, StandIn owner) {
        }
        List<Write> writes = List.of(
                new Write(HttpMethod.PUT, "/api/cities/bochum", CONTENT),
                new Write(HttpMethod.POST, "/api/cities/bochum/articles", CONTENT),
                new Write(HttpMethod.PUT, "/api/cities/bochum/articles/univercity-bochum", CONTENT),
                new Write(HttpMethod.POST, "/api/cities/bochum/articles/univercity-bochum/publication", CONTENT),
                new Write(HttpMethod.DELETE, "/api/cities/bochum/articles/univercity-bochum/publication", CONTENT),
                new Write(HttpMethod.DELETE, "/api/cities/bochum/articles/univercity-bochum", CONTENT),
                new Write(HttpMethod.PUT, "/api/cities/bochum/highlights", CONTENT),
                new Write(HttpMethod.PUT, "/api/media/7b0e3c52-1f4a-4d8e-9c2b-6a5d4e3f2a10", CONTENT),
                new Write(HttpMethod.DELETE, "/api/media/7b0e3c52-1f4a-4d8e-9c2b-6a5d4e3f2a10", CONTENT),
                new Write(HttpMethod.POST, "/api/events", EVENTS),
                new Write(HttpMethod.PUT, "/api/events/6f1c", EVENTS),
                new Write(HttpMethod.POST, "/api/events/6f1c/cancellation", EVENTS),
                new Write(HttpMethod.DELETE, "/api/events/6f1c", EVENTS),
                new Write(HttpMethod.POST, "/api/venues", EVENTS),
                new Write(HttpMethod.PUT, "/api/venues/9a2b", EVENTS),
                new Write(HttpMethod.POST, "/api/search/reindex", SEARCH));

        for (Write write : writes) {
            String marker = marker();
            String token = Tokens.admin(); // a new subject each, so the small test write limit is not in the way
            web.method(write.method()).uri(write.uri()).header("X-Request-Id", marker)
                    .headers(headers -> headers.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"Neu\"}")
                    .exchange().expectStatus().isOk();
            assertThat(write.owner().seenWith(marker)).as(write.method() + " " + write.uri()).singleElement()
                    .satisfies(seen -> {
                        assertThat(seen.method()).isEqualTo(write.method().name());
                        assertThat(seen.path()).isEqualTo(write.uri());
                        assertThat(seen.header("Authorization")).isEqualTo("Bearer " + token);
                        assertThat(seen.body()).isEqualTo("{\"title\":\"Neu\"}");
                    });
        }
    }

    @Test
    void the_openapi_documents_of_the_three_services_are_served_under_their_names() {
        for (String service : List.of("content", "events", "search")) {
            web.get().uri("/v3/api-docs/" + service).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.info.title").isEqualTo(service + "-service");
        }
    }

    @Test
    void a_write_without_a_token_or_with_a_forged_one_is_refused_at_the_edge_and_never_reaches_a_backend() {
        String marker = marker();
        List<String> refused = List.of("", Tokens.builder().roles("editor").cities("bochum").forged().sign(),
                Tokens.builder().roles("editor").cities("bochum").expired().sign());
        for (String token : refused) {
            web.post().uri("/api/cities/bochum/articles?probe=" + marker)
                    .headers(headers -> {
                        if (!token.isEmpty()) {
                            headers.setBearerAuth(token);
                        }
                    })
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"Neu\"}")
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(401);
        }
        assertThat(CONTENT.seenWith(marker)).isEmpty();
    }

    @Test
    void a_body_over_256_kib_is_413_at_the_edge_and_never_reaches_a_backend() {
        String marker = marker();
        String huge = "{\"title\":\"" + "x".repeat(300 * 1024) + "\"}";
        web.post().uri("/api/cities/bochum/articles?probe=" + marker)
                .headers(headers -> headers.setBearerAuth(Tokens.editor("bochum")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(huge)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(CONTENT.seenWith(marker)).isEmpty();
    }

    @Test
    void a_media_upload_of_megabytes_passes_the_edge_on_its_path_only_and_up_to_the_upload_limit() {
        String marker = marker();
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(new byte[2 * 1024 * 1024]) {
            @Override
            public String getFilename() {
                return "foto.jpg";
            }
        }).contentType(MediaType.IMAGE_JPEG);
        form.part("alt", "Ein Foto");
        web.post().uri("/api/cities/bochum/media").header("X-Request-Id", marker)
                .headers(headers -> headers.setBearerAuth(Tokens.editor("bochum")))
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange().expectStatus().isOk();
        assertThat(CONTENT.seenWith(marker)).singleElement()
                .satisfies(seen -> assertThat(seen.path()).isEqualTo("/api/cities/bochum/media"));

        String elsewhere = marker();
        web.post().uri("/api/cities/bochum/articles?probe=" + elsewhere)
                .headers(headers -> headers.setBearerAuth(Tokens.editor("bochum")))
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange().expectStatus().isEqualTo(413);
        assertThat(CONTENT.seenWith(elsewhere)).isEmpty();

        String huge = marker();
        web.post().uri("/api/cities/bochum/media?probe=" + huge)
                .headers(headers -> headers.setBearerAuth(Tokens.editor("bochum")))
                .contentType(MediaType.IMAGE_JPEG).bodyValue(new byte[17 * 1024 * 1024])
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(CONTENT.seenWith(huge)).isEmpty();
    }

    @Test
    void a_programme_of_a_season_passes_the_edge_to_events_service_which_bounds_it_itself() {
        String marker = marker();
        web.post().uri("/api/events/import?city=bochum&venueId=" + UUID.randomUUID()).header("X-Request-Id", marker)
                .headers(headers -> headers.setBearerAuth(Tokens.editor("bochum")))
                .contentType(MediaType.parseMediaType("text/calendar")).bodyValue("BEGIN:VCALENDAR\r\n"
                        + "X-FILLER:" + "a".repeat(600 * 1024) + "\r\nEND:VCALENDAR\r\n")
                .exchange().expectStatus().isOk();
        assertThat(EVENTS.seenWith(marker)).singleElement()
                .satisfies(seen -> assertThat(seen.path()).isEqualTo("/api/events/import"));
    }

    @Test
    void the_clients_trace_reaches_the_backend_and_comes_back_once() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String sameTrace = "00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01";
        String marker = marker();
        String answered = web.get().uri("/api/search?q=Konzert").header("traceparent", traceparent)
                .header("X-Request-Id", marker)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().values("traceparent", values -> assertThat(values).singleElement()
                        .satisfies(value -> assertThat(value).matches(sameTrace).isNotEqualTo(traceparent)))
                .expectHeader().valueEquals("X-Request-Id", marker)
                .returnResult(String.class).getResponseHeaders().getFirst("traceparent");
        // the backend's parent is the gateway's server span, within the client's trace
        assertThat(SEARCH.seenWith(marker)).singleElement()
                .satisfies(seen -> assertThat(seen.header("traceparent")).isEqualTo(answered));
    }

    @Test
    void a_request_without_trace_or_request_id_gets_both_and_the_backend_sees_the_same() {
        var result = web.get().uri("/api/events/categories").exchange().expectStatus().isOk()
                .returnResult(String.class);
        String traceparent = result.getResponseHeaders().getFirst("traceparent");
        String requestId = result.getResponseHeaders().getFirst("X-Request-Id");

        // a new trace, sampled or not (TRACING_SAMPLING_PROBABILITY decides)
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(requestId).isNotBlank();
        assertThat(EVENTS.seenWith(requestId)).singleElement()
                .satisfies(seen -> assertThat(traceId(seen.header("traceparent"))).isEqualTo(traceId(traceparent)));
    }

    @Test
    void a_request_id_that_is_not_an_id_is_replaced() {
        web.get().uri("/api/events/categories").header("X-Request-Id", "<script>")
                .exchange()
                .expectHeader().value("X-Request-Id", id -> assertThat(id).isNotEqualTo("<script>")
                        .matches("[0-9a-f-]{36}"));
    }

    private static String traceId(String traceparent) {
        return traceparent == null ? null : traceparent.substring(3, 35);
    }
}
