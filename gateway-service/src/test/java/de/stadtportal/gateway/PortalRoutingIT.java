package de.stadtportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Browsers reach the city portal (portal-web) through the gateway at every path outside the API;
 * the API's paths, known or not, and the gateway's own documentation pages never go there.
 */
class PortalRoutingIT extends GatewayTest {

    @Test
    void every_path_outside_the_api_reaches_the_portal_as_it_was_asked() {
        for (String uri : List.of("/", "/bochum", "/bochum/artikel/univercity-bochum?locale=en", "/suche?q=Musikforum",
                "/sitemap.xml", "/assets/portal.css", "/bochum/veranstaltungen/6f1c/kalender.ics", "/apis",
                "/api-und-mehr/seite")) {
            String marker = marker();
            web.get().uri(uri).header("X-Request-Id", marker).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isOk();
            String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
            assertThat(PORTAL.seenWith(marker)).as(uri).singleElement()
                    .satisfies(seen -> assertThat(seen.path()).isEqualTo(path));
            for (StandIn backend : List.of(CONTENT, EVENTS, SEARCH)) {
                assertThat(backend.seenWith(marker)).as(uri + " must not reach a backend").isEmpty();
            }
        }
    }

    @Test
    void an_api_path_no_backend_serves_is_a_404_problem_of_the_gateway_and_never_reaches_the_portal() {
        for (String uri : List.of("/api", "/api/", "/api/unbekannt", "/api/unbekannt/tiefer")) {
            String marker = marker();
            web.get().uri(uri).header("X-Request-Id", marker).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(PORTAL.seenWith(marker)).as(uri).isEmpty();
        }
    }

    @Test
    void the_api_documentation_pages_stay_the_gateways_own() {
        String marker = marker();
        web.get().uri("/swagger-ui/index.html").header("X-Request-Id", marker).exchange()
                .expectStatus().isOk();
        web.get().uri("/v3/api-docs/gateway").header("X-Request-Id", marker).exchange()
                .expectStatus().isOk();
        web.get().uri("/docs").header("X-Request-Id", marker).exchange()
                .expectStatus().is3xxRedirection();
        assertThat(PORTAL.seenWith(marker)).isEmpty();
    }

    @Test
    void with_the_portal_down_a_page_is_a_fast_503_and_the_api_still_answers() {
        PORTAL.down();

        web.get().uri("/bochum").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("portal"));
        web.get().uri("/api/cities/bochum").exchange().expectStatus().isOk();
    }

    @Test
    void with_the_portal_down_a_browser_gets_a_page_that_says_so_rather_than_a_problem_document() {
        PORTAL.down();

        String page = web.get().uri("/bochum/veranstaltungen")
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Retry-After", "10")
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<html lang=\"de\">", "<main id=\"inhalt\">", "Das Stadtportal ist gleich wieder da",
                "<p lang=\"en\">");
        web.get().uri("/bochum").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
