package de.stadtportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The editorial desk's form posts (browser, session cookie, no bearer token) pass the gateway to the
 * portal, which checks session and CSRF itself; every other write, the API's above all, still needs
 * a token and never reaches a backend without one.
 */
class PortalDeskWritesIT extends GatewayTest {

    @Test
    void a_form_post_of_the_desk_reaches_the_portal_with_its_cookie_and_body_and_no_bearer_token() {
        for (String path : List.of("/redaktion/bochum/artikel", "/redaktion/bochum/artikel/ein-artikel/veroeffentlichung",
                "/logout")) {
            String marker = marker();
            web.post().uri(path).header("X-Request-Id", marker).header("Cookie", "STADTPORTAL_DESK=sitzung")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("title=Neu&_csrf=token")
                    .exchange()
                    .expectStatus().isOk();
            assertThat(PORTAL.seenWith(marker)).as(path).singleElement().satisfies(seen -> {
                assertThat(seen.method()).isEqualTo("POST");
                assertThat(seen.path()).isEqualTo(path);
                assertThat(seen.body()).isEqualTo("title=Neu&_csrf=token");
                assertThat(seen.header("Cookie")).contains("STADTPORTAL_DESK=sitzung");
            });
        }
    }

    @Test
    void the_desks_upload_and_import_forms_pass_with_megabytes_and_every_other_desk_form_keeps_the_small_limit() {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(new byte[2 * 1024 * 1024]) {
            @Override
            public String getFilename() {
                return "foto.jpg";
            }
        }).contentType(MediaType.IMAGE_JPEG);
        form.part("alt", "Ein Foto");
        form.part("_csrf", "token");
        String upload = marker();
        web.post().uri("/redaktion/bochum/medien").header("X-Request-Id", upload)
                .header("Cookie", "STADTPORTAL_DESK=sitzung").body(BodyInserters.fromMultipartData(form.build()))
                .exchange()
                .expectStatus().isOk();
        assertThat(PORTAL.seenWith(upload)).singleElement()
                .satisfies(seen -> assertThat(seen.path()).isEqualTo("/redaktion/bochum/medien"));

        String programme = marker();
        web.post().uri("/redaktion/bochum/veranstaltungen/import").header("X-Request-Id", programme)
                .header("Cookie", "STADTPORTAL_DESK=sitzung").body(BodyInserters.fromMultipartData(form.build()))
                .exchange()
                .expectStatus().isOk();
        assertThat(PORTAL.seenWith(programme)).as("the desk refuses a calendar over the API's limit on its own page")
                .singleElement();

        String elsewhere = marker();
        web.post().uri("/redaktion/bochum/artikel").header("X-Request-Id", elsewhere)
                .header("Cookie", "STADTPORTAL_DESK=sitzung").body(BodyInserters.fromMultipartData(form.build()))
                .exchange()
                .expectStatus().isEqualTo(413);
        assertThat(PORTAL.seenWith(elsewhere)).isEmpty();
    }

    @Test
    void a_write_to_the_api_without_a_token_is_still_refused_and_reaches_no_backend() {
        String marker = marker();
        web.post().uri("/api/cities/bochum/articles").header("X-Request-Id", marker)
                .header("Cookie", "STADTPORTAL_DESK=sitzung").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Ohne Token\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(CONTENT.seenWith(marker)).isEmpty();
    }

    @Test
    void a_write_to_any_other_portal_path_without_a_token_is_refused() {
        for (String path : List.of("/bochum", "/redaktionen", "/suche", "/api/redaktion")) {
            String marker = marker();
            web.post().uri(path).header("X-Request-Id", marker).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .bodyValue("q=x")
                    .exchange()
                    .expectStatus().isUnauthorized();
            assertThat(PORTAL.seenWith(marker)).as(path).isEmpty();
        }
    }
}
