package de.stadtportal.content.article;

import static de.stadtportal.content.ContentApi.BOCHUM;
import static de.stadtportal.content.ContentApi.article;
import static de.stadtportal.content.ContentApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.content.ContentApi;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.security.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What caches are told: a published article, a city and the highlights are public and revalidated by
 * their ETag; lists may be kept briefly; drafts, revisions and whatever an editor reads with a token
 * are never stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
class ContentCachingIT {

    private static final String EDITOR = Tokens.editor("bochum");
    private static final String REVALIDATE = "no-cache, public";
    private static final String LIST = "max-age=30, public";
    private static final String NEVER = "no-store, private";

    @Autowired WebTestClient web;

    @Test
    void public_reads_are_cached_by_kind_and_an_editors_draft_never() {
        ContentApi api = new ContentApi(web);
        String slug = (String) api.create(EDITOR, article("Zwischenstand " + unique())).getResponseBody().get("slug");

        api.get(slug, EDITOR).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, NEVER);
        api.get(slug, null).expectStatus().isNotFound()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, NEVER);
        web.get().uri(BOCHUM + "?status=draft").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, NEVER);

        api.publish(EDITOR, slug, "de");
        String etag = api.get(slug, null).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, REVALIDATE)
                .returnResult(String.class).getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();
        web.get().uri(BOCHUM + "/" + slug).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, REVALIDATE);
        web.get().uri(BOCHUM).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, LIST);
        web.get().uri(BOCHUM + "/" + slug + "/revisions").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, NEVER);
    }

    @Test
    void a_city_and_its_highlights_are_revalidated_and_the_list_of_cities_kept_briefly() {
        web.get().uri("/api/cities/bochum").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, REVALIDATE);
        web.get().uri("/api/cities/bochum/highlights").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, REVALIDATE);
        web.get().uri("/api/cities").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, LIST);
    }
}
