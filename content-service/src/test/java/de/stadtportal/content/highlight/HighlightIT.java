package de.stadtportal.content.highlight;

import static de.stadtportal.content.ContentApi.article;
import static de.stadtportal.content.ContentApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.content.ContentApi;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.security.Tokens;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
class HighlightIT {

    private static final String HIGHLIGHTS = "/api/cities/essen/highlights";
    private static final String EDITOR = Tokens.editor("essen");
    private static final String HERNE = "/api/cities/herne/highlights";
    private static final String GELSENKIRCHEN = "/api/cities/gelsenkirchen/highlights";
    private static final String DORTMUND = "/api/cities/dortmund/highlights";

    @Autowired WebTestClient web;

    @Test
    void an_editor_replaces_the_carousel_and_the_public_sees_only_the_valid_teasers_in_order() {
        String etag = web.get().uri(HERNE).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0)
                .returnResult().getResponseHeaders().getETag();
        String venue = UUID.randomUUID().toString();
        List<Map<String, Object>> items = List.of(
                item("Konzerte im Musikforum", "venue", venue, null, null),
                item("Vergangenes Festival", "event", UUID.randomUUID().toString(), null,
                        OffsetDateTime.now().minusDays(1)),
                item("Zeche Zollverein", "url", "https://www.zollverein.de/", OffsetDateTime.now().minusDays(1),
                        OffsetDateTime.now().plusDays(30)),
                item("Kommt bald", "url", "https://example.org/bald", OffsetDateTime.now().plusDays(3), null));

        put(HERNE, Tokens.editor("herne"), etag, items).expectStatus().isOk();

        web.get().uri(HERNE).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].title").isEqualTo("Konzerte im Musikforum")
                .jsonPath("$.items[0].position").isEqualTo(1)
                .jsonPath("$.items[0].link.href").isEqualTo("/api/venues/" + venue)
                .jsonPath("$.items[0].image.alt").isEqualTo("Teaserbild")
                .jsonPath("$.items[1].title").isEqualTo("Zeche Zollverein")
                .jsonPath("$.items[1].position").isEqualTo(3);
        put(HERNE, Tokens.editor("herne"), etag, items).expectStatus().isEqualTo(412);
        put(HERNE, Tokens.editor("herne"), null, items).expectStatus().isEqualTo(428);
    }

    @Test
    void editors_read_every_stored_teaser_and_replacing_with_that_view_keeps_future_and_expired_ones() {
        String token = Tokens.editor("herne", "bochum");
        String bochum = "/api/cities/bochum/highlights";
        String etag = web.get().uri(bochum + "?all=true").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().returnResult(Map.class).getResponseHeaders().getETag();
        List<Map<String, Object>> items = List.of(
                item("Vorbei", "url", "https://example.org/vorbei", null, OffsetDateTime.now().minusDays(1)),
                item("Jetzt", "url", "https://example.org/jetzt", null, null),
                item("Demnächst", "url", "https://example.org/demnaechst", OffsetDateTime.now().plusDays(5), null));
        put(bochum, token, etag, items).expectStatus().isOk();

        String stored = web.get().uri(bochum + "?all=true").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.items[0].title").isEqualTo("Vorbei")
                .jsonPath("$.items[2].position").isEqualTo(3)
                .jsonPath("$.items[2].validFrom").exists()
                .returnResult().getResponseHeaders().getETag();
        put(bochum, token, stored, List.of(items.get(2), items.get(1), items.get(0))).expectStatus().isOk();

        web.get().uri(bochum + "?all=true").headers(h -> h.setBearerAuth(token)).exchange().expectBody()
                .jsonPath("$.items[0].title").isEqualTo("Demnächst")
                .jsonPath("$.items[2].title").isEqualTo("Vorbei");
        put(bochum, token, stored, items).expectStatus().isEqualTo(412);
        web.get().uri(bochum + "?all=true").headers(h -> h.setBearerAuth(Tokens.editor("dortmund"))).exchange()
                .expectStatus().isForbidden();
        web.get().uri(bochum + "?all=true").exchange().expectStatus().is4xxClientError();
    }

    @Test
    void a_highlight_links_an_article_of_its_city_and_the_etag_revalidates() {
        String slug = "gelsenkirchen-" + unique();
        String token = Tokens.editor("bochum", "gelsenkirchen");
        web.post().uri("/api/cities/gelsenkirchen/articles").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ContentApi.with(article("Welterbe"), "slug", slug))
                .exchange().expectStatus().isCreated();
        web.post().uri("/api/cities/gelsenkirchen/articles/" + slug + "/publication").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk();
        String etag = web.get().uri(GELSENKIRCHEN).exchange().returnResult(Map.class).getResponseHeaders().getETag();

        String next = put(GELSENKIRCHEN, token, etag, List.of(item("Welterbe", "article", slug, null, null)))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].link.href").isEqualTo("/api/cities/gelsenkirchen/articles/" + slug)
                .returnResult().getResponseHeaders().getETag();
        web.get().uri(GELSENKIRCHEN).ifNoneMatch(next).exchange().expectStatus().isNotModified();
        put(GELSENKIRCHEN, token, next, List.of(item("Gibt es nicht", "article", "fehlt-" + unique(), null, null)))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("items[0].link.target");
    }

    @Test
    void a_highlight_of_a_draft_is_hidden_from_visitors_until_the_article_is_published_and_editors_are_warned() {
        String slug = "dortmund-" + unique();
        String articles = "/api/cities/dortmund/articles/";
        String token = Tokens.editor("dortmund");
        web.post().uri("/api/cities/dortmund/articles").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ContentApi.with(article("Phoenix-See"), "slug", slug))
                .exchange().expectStatus().isCreated();
        String etag = web.get().uri(DORTMUND).exchange().returnResult(Map.class).getResponseHeaders().getETag();
        List<Map<String, Object>> items = List.of(item("Am Phoenix-See", "article", slug, null, null),
                item("Zeche Zollern", "url", "https://www.zeche-zollern.de/", null, null));

        put(DORTMUND, token, etag, items).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].linksDraft").isEqualTo(true)
                .jsonPath("$.items[0].warnings[0]").value(warning -> assertThat((String) warning).contains("draft"))
                .jsonPath("$.items[1].linksDraft").isEqualTo(false)
                .jsonPath("$.items[1].warnings.length()").isEqualTo(0);

        String visitors = web.get().uri(DORTMUND).exchange().expectStatus().isOk()
                .expectHeader().values("Vary", vary -> assertThat(String.join(",", vary)).contains("Authorization"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(visitors).doesNotContain(slug).contains("Zeche Zollern");
        String publicEtag = web.get().uri(DORTMUND).exchange().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].position").isEqualTo(2)
                .returnResult().getResponseHeaders().getETag();
        String editorsEtag = web.get().uri(DORTMUND).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].linksDraft").isEqualTo(true)
                .returnResult().getResponseHeaders().getETag();
        assertThat(editorsEtag).isNotEqualTo(publicEtag);
        String replaced = put(DORTMUND, token, editorsEtag, items).expectStatus().isOk()
                .returnResult(Map.class).getResponseHeaders().getETag();

        web.post().uri(articles + slug + "/publication").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
        web.get().uri(DORTMUND).ifNoneMatch(publicEtag).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].link.href").isEqualTo(articles + slug)
                .jsonPath("$.items[0].linksDraft").isEqualTo(false);
        web.get().uri(DORTMUND).headers(h -> h.setBearerAuth(token)).ifNoneMatch(replaced).exchange()
                .expectStatus().isOk();

        web.delete().uri(articles + slug + "/publication").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
        web.get().uri(DORTMUND).exchange().expectBody().jsonPath("$.items.length()").isEqualTo(1);
        web.delete().uri(articles + slug).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().is2xxSuccessful();
        web.get().uri(DORTMUND).exchange().expectBody().jsonPath("$.items.length()").isEqualTo(1);
        web.get().uri(DORTMUND).headers(h -> h.setBearerAuth(token)).exchange().expectBody()
                .jsonPath("$.items[0].linksDraft").isEqualTo(false)
                .jsonPath("$.items[0].warnings[0]").value(warning -> assertThat((String) warning)
                        .contains("no longer exists"));
    }

    @Test
    void bad_highlights_are_refused_by_field_and_only_editors_of_the_city_may_change_them() {
        String etag = web.get().uri(HIGHLIGHTS).exchange().returnResult(Map.class).getResponseHeaders().getETag();
        put(HIGHLIGHTS, EDITOR, etag, List.of(item("Podcast", "podcast", "x", null, null))).expectStatus().isBadRequest();
        put(HIGHLIGHTS, EDITOR, etag, List.of(item("Ohne Id", "event", "kein-uuid", null, null)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("items[0].link.target");
        put(HIGHLIGHTS, EDITOR, etag, List.of(item("Böse", "url", "javascript:alert(1)", null, null)))
                .expectStatus().isBadRequest();
        put(HIGHLIGHTS, EDITOR, etag, List.of(item("Verkehrt", "url", "https://example.org",
                OffsetDateTime.now().plusDays(2), OffsetDateTime.now().plusDays(1)))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("items[0].validUntil");
        put(HIGHLIGHTS, Tokens.editor("bochum"), etag, List.of()).expectStatus().isForbidden();
        put(HIGHLIGHTS, null, etag, List.of()).expectStatus().isUnauthorized();
        web.get().uri("/api/cities/atlantis/highlights").exchange().expectStatus().isNotFound();
        assertThat(web.get().uri(HIGHLIGHTS).exchange().returnResult(Map.class).getResponseHeaders().getETag())
                .isEqualTo(etag);
    }

    private WebTestClient.ResponseSpec put(String uri, String token, String ifMatch, List<Map<String, Object>> items) {
        return web.put().uri(uri).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("items", items)).exchange();
    }

    private static Map<String, Object> item(String title, String kind, String target, OffsetDateTime from,
            OffsetDateTime until) {
        Map<String, Object> item = new HashMap<>();
        item.put("title", title);
        item.put("link", Map.of("kind", kind, "target", target));
        item.put("image", Map.of("url", "https://img.stadtportal.test/teaser.jpg", "alt", "Teaserbild"));
        item.put("validFrom", from == null ? null : from.toString());
        item.put("validUntil", until == null ? null : until.toString());
        return item;
    }
}
