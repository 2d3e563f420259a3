package de.stadtportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class EdgeIT extends GatewayTest {

    @Test
    void a_preflight_from_a_configured_origin_is_allowed() {
        web.options().uri("/api/cities/bochum/articles")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,if-match")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"));
    }

    @Test
    void a_preflight_from_a_foreign_origin_is_refused_and_allows_nothing() {
        String marker = marker();
        web.options().uri("/api/cities/bochum/articles?probe=" + marker)
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertThat(CONTENT.seenWith(marker)).isEmpty();
    }

    @Test
    void a_read_from_a_configured_origin_may_see_the_etag_and_trace_headers() {
        web.get().uri("/api/cities/bochum").header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).contains("ETag", "traceparent", "X-Request-Id"));
    }

    @Test
    void responses_carry_the_security_headers_and_no_hsts_over_plain_http() {
        web.get().uri("/api/cities/bochum").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().doesNotExist("Strict-Transport-Security");
        web.post().uri("/api/cities/bochum/articles").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
    }

    @Test
    void behind_a_trusted_proxy_that_reports_https_the_answer_carries_hsts() {
        from(PROXY).get().uri("/api/cities/bochum")
                .header("X-Forwarded-For", "203.0.113.40").header("X-Forwarded-Proto", "https")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value("Strict-Transport-Security", hsts -> assertThat(hsts).contains("max-age="));
    }

    @Test
    void a_client_that_claims_https_itself_gets_no_hsts_over_plain_http() {
        web.get().uri("/api/cities/bochum")
                .header("X-Forwarded-Proto", "https").header("Forwarded", "proto=https")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Strict-Transport-Security");
    }

    @Test
    void prometheus_shows_route_latency_by_status_breaker_state_and_rate_limit_rejections() {
        web.get().uri("/api/cities/bochum").exchange().expectStatus().isOk();

        management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"content\"[^}]*\\}")
                        .containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*status=\"OK\"")
                        .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"events\"[^}]*state=\"closed\"")
                        .contains("stadtportal_gateway_ratelimit_rejected_total"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_docs_page_offers_the_api_documents_of_the_three_services_and_the_gateway() {
        String ui = web.get().uri("/docs").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();
        web.get().uri(ui).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        web.get().uri("/v3/api-docs/gateway/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[*].url").value(urls -> assertThat((List<Object>) urls).containsExactlyInAnyOrder(
                        "/v3/api-docs/gateway", "/v3/api-docs/content", "/v3/api-docs/events", "/v3/api-docs/search"));
    }
}
