package de.stadtportal.content.article;

import static de.stadtportal.content.ContentApi.BOCHUM;
import static de.stadtportal.content.ContentApi.article;
import static de.stadtportal.content.ContentApi.unique;
import static de.stadtportal.content.ContentApi.with;
import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.content.ContentApi;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.security.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every refusal is a problem document, and a refused request leaves no row and no event behind. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
class RejectedRequestsIT {

    private static final String EDITOR = Tokens.editor("bochum");

    @Autowired WebTestClient web;
    @Autowired DatabaseClient database;

    @Test
    void bad_article_bodies_are_400_problems_naming_the_field_and_write_nothing() {
        Map<String, Object> valid = article("Abgelehnt " + unique());
        Map<String, Object> noTitle = with(valid, "title", null);

        nothingWritten(() -> {
            rejects(post(EDITOR, noTitle), 400, "title");
            rejects(post(EDITOR, with(valid, "title", "x".repeat(201))), 400, "title");
            rejects(post(EDITOR, with(valid, "topic", "sport")), 400, "topic");
            rejects(post(EDITOR, with(valid, "locale", "fr")), 400, "locale");
            rejects(post(EDITOR, with(valid, "tags", "kein-array")), 400, "tags");
            rejects(post(EDITOR, with(valid, "publishAt", "morgen früh")), 400, "publishAt");
            rejects(post(EDITOR, with(valid, "heroImage", Map.of("url", "javascript:alert(1)"))), 400, "heroImage.url");
            rejects(post(EDITOR, with(valid, "tags", List.of("x".repeat(41)))), 400, null);
            rejects(web.post().uri(BOCHUM).headers(h -> h.setBearerAuth(EDITOR))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\": \"Halb").exchange(), 400, null);
            rejects(post(EDITOR, with(valid, "body", "x".repeat(300 * 1024))), 413, null);
        });
    }

    @Test
    void an_unknown_city_is_404_and_writes_nothing() {
        nothingWritten(() -> {
            rejects(web.post().uri("/api/cities/atlantis/articles").headers(h -> h.setBearerAuth(Tokens.admin()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(article("Versunken")).exchange(), 404, null);
            rejects(web.get().uri("/api/cities/atlantis/articles").exchange(), 404, null);
            rejects(web.get().uri("/api/cities/atlantis/articles/irgendwas").exchange(), 404, null);
            rejects(web.get().uri("/api/cities/atlantis").exchange(), 404, null);
        });
    }

    @Test
    void bad_list_parameters_are_400() {
        rejects(web.get().uri(BOCHUM + "?limit=101").exchange(), 400, "limit");
        rejects(web.get().uri(BOCHUM + "?limit=zwanzig").exchange(), 400, "limit");
        rejects(web.get().uri(BOCHUM + "?cursor=%27%3B%20drop%20table%20article").exchange(), 400, "cursor");
        rejects(web.get().uri(BOCHUM + "?topic=sport").exchange(), 400, "topic");
        rejects(web.get().uri(BOCHUM + "?locale=tlh").exchange(), 400, "locale");
        rejects(web.get().uri("/api/cities?limit=0").exchange(), 400, "limit");
    }

    @Test
    void writes_without_a_valid_token_are_401_and_write_nothing() {
        nothingWritten(() -> {
            rejects(web.post().uri(BOCHUM).contentType(MediaType.APPLICATION_JSON).bodyValue(article("Anonym"))
                    .exchange(), 401, null);
            for (String token : List.of(
                    Tokens.builder().roles("editor").cities("bochum").forged().sign(),
                    Tokens.builder().roles("editor").cities("bochum").expired().sign())) {
                rejects(post(token, article("Gefälscht")), 401, null);
            }
        });
    }

    @Test
    void an_editor_of_dortmund_cannot_change_a_bochum_article() {
        String slug = (String) new ContentApi(web).create(EDITOR, article("Nur für Bochum " + unique()))
                .getResponseBody().get("slug");
        String etag = new ContentApi(web).get(slug, EDITOR).returnResult(Map.class).getResponseHeaders().getETag();
        String dortmund = Tokens.editor("dortmund");

        nothingWritten(() -> {
            rejects(post(dortmund, article("Fremd")), 403, null);
            rejects(web.put().uri(BOCHUM + "/" + slug).headers(h -> {
                h.setBearerAuth(dortmund);
                h.setIfMatch(etag);
            }).contentType(MediaType.APPLICATION_JSON).bodyValue(article("Übernommen")).exchange(), 403, null);
            rejects(web.post().uri(BOCHUM + "/" + slug + "/publication").headers(h -> h.setBearerAuth(dortmund))
                    .exchange(), 403, null);
            rejects(web.delete().uri(BOCHUM + "/" + slug).headers(h -> h.setBearerAuth(dortmund)).exchange(), 403, null);
            // the draft stays invisible to an editor of another city
            rejects(web.get().uri(BOCHUM + "/" + slug).headers(h -> h.setBearerAuth(dortmund)).exchange(), 404, null);
        });
    }

    @Test
    void only_admins_change_cities() {
        Map<String, Object> portrait = Map.of("name", "Bochum", "intro", "Neu geschrieben");
        nothingWritten(() -> {
            rejects(web.put().uri("/api/cities/bochum").headers(h -> h.setBearerAuth(EDITOR))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(portrait).exchange(), 403, null);
            rejects(web.put().uri("/api/cities/bochum").contentType(MediaType.APPLICATION_JSON).bodyValue(portrait)
                    .exchange(), 401, null);
            rejects(web.put().uri("/api/cities/bochum").headers(h -> h.setBearerAuth(Tokens.admin()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(portrait).exchange(), 428, null);
            rejects(web.put().uri("/api/cities/Bo_chum").headers(h -> h.setBearerAuth(Tokens.admin()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(portrait).exchange(), 400, "city");
            rejects(web.put().uri("/api/cities/witten").headers(h -> h.setBearerAuth(Tokens.admin()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", " ")).exchange(), 400, "name");
        });
    }

    private WebTestClient.ResponseSpec post(String token, Map<String, Object> body) {
        return web.post().uri(BOCHUM).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private static void rejects(WebTestClient.ResponseSpec response, int status, String field) {
        WebTestClient.BodyContentSpec body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status);
        if (field != null) {
            body.jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
        }
    }

    /** Runs the requests and checks that no article, revision, city change or outbox event appeared. */
    private void nothingWritten(Runnable requests) {
        Map<String, Long> before = counts();
        requests.run();
        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Long> counts() {
        return database.sql("""
                SELECT (SELECT count(*) FROM article) AS articles,
                       (SELECT count(*) FROM article_revision) AS revisions,
                       (SELECT coalesce(sum(version), 0) FROM city) AS city_versions,
                       (SELECT count(*) FROM city) AS cities,
                       (SELECT count(*) FROM outbox) AS events
                """)
                .map(row -> Map.of(
                        "articles", row.get("articles", Long.class),
                        "revisions", row.get("revisions", Long.class),
                        "cityVersions", ((Number) row.get("city_versions")).longValue(),
                        "cities", row.get("cities", Long.class),
                        "events", row.get("events", Long.class)))
                .one().block();
    }
}
