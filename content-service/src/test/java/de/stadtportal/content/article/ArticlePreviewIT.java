package de.stadtportal.content.article;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.security.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An editor sees their Markdown as the portal will show it before saving; nothing is written. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
class ArticlePreviewIT {

    private static final String PREVIEW = "/api/cities/bochum/articles/preview";

    @Autowired WebTestClient web;

    @Test
    void an_editor_of_the_city_gets_the_markdown_rendered_and_sanitized_like_an_articles_body() {
        web.post().uri(PREVIEW).headers(h -> h.setBearerAuth(Tokens.editor("bochum")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("body", "Ein **kräftiges** Wort.<script>alert(1)</script>"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodyHtml").value(html -> assertThat(html.toString())
                        .contains("<strong>kräftiges</strong>").doesNotContain("<script"));
    }

    @Test
    void an_editor_of_dortmund_gets_no_preview_for_bochum() {
        web.post().uri(PREVIEW).headers(h -> h.setBearerAuth(Tokens.editor("dortmund")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("body", "Text"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_preview_without_a_body_is_a_400_naming_the_field() {
        web.post().uri(PREVIEW).headers(h -> h.setBearerAuth(Tokens.editor("bochum")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
    }
}
