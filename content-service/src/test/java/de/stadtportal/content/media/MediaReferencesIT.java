package de.stadtportal.content.media;

import de.stadtportal.testing.data.TestImages;
import static de.stadtportal.content.ContentApi.article;
import static de.stadtportal.content.ContentApi.unique;
import static de.stadtportal.content.ContentApi.with;
import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.content.ContentApi;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.security.Tokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Articles, city portraits and highlights name library images by id and show them ready for srcset. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@RealInfrastructure
@SuppressWarnings("unchecked")
class MediaReferencesIT {

    private static final String EDITOR = Tokens.editor("bochum");

    @Autowired WebTestClient web;
    @Autowired DatabaseClient database;

    private String uploadedPhoto() {
        return (String) new MediaUploads(web).upload(EDITOR, TestImages.jpeg(2000, 1200)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    @Test
    void an_article_names_its_hero_image_by_id_and_answers_with_alt_text_and_rendition_links() {
        String mediaId = uploadedPhoto();
        Map<String, Object> created = new ContentApi(web).create(EDITOR,
                with(article("Mit Bild " + unique()), "heroImage", Map.of("mediaId", mediaId))).getResponseBody();

        Map<String, Object> hero = (Map<String, Object>) created.get("heroImage");
        assertThat(hero).containsEntry("mediaId", mediaId).containsEntry("alt", "Ein Bild aus dem Test")
                .containsEntry("width", 2000).containsEntry("height", 1200)
                .containsEntry("url", "http://localhost:8080/api/media/" + mediaId + "/1600.jpg");
        assertThat((List<Map<String, Object>>) hero.get("renditions")).hasSize(8);
        assertThat(((Map<String, String>) hero.get("srcset")).get("jpg"))
                .startsWith("http://localhost:8080/api/media/" + mediaId + "/320.jpg 320w, ");

        Map<String, Object> english = new ContentApi(web).create(EDITOR, with(with(article("With a picture "
                + unique()), "locale", "en"), "heroImage", Map.of("mediaId", mediaId))).getResponseBody();
        assertThat((Map<String, Object>) english.get("heroImage")).containsEntry("alt", "A picture made for a test");
    }

    @Test
    void an_image_by_url_keeps_its_old_shape() {
        Map<String, Object> created = new ContentApi(web).create(EDITOR, article("Altes Bild " + unique()))
                .getResponseBody();

        assertThat((Map<String, Object>) created.get("heroImage"))
                .containsOnlyKeys("url", "alt")
                .containsEntry("url", "https://img.stadtportal.test/campus.jpg");
    }

    @Test
    void an_unknown_media_id_is_an_unknown_reference_and_nothing_is_written() {
        String title = "Phantombild " + unique();
        web.post().uri(ContentApi.BOCHUM).headers(h -> h.setBearerAuth(EDITOR))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(with(article(title), "heroImage", Map.of("mediaId", UUID.randomUUID().toString())))
                .exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("heroImage.mediaId");
        web.post().uri(ContentApi.BOCHUM).headers(h -> h.setBearerAuth(EDITOR))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(with(article(title), "heroImage", Map.of()))
                .exchange().expectStatus().isEqualTo(400);

        assertThat(database.sql("SELECT count(*) AS n FROM article WHERE title = :title").bind("title", title)
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    @Test
    void an_image_still_shown_cannot_be_deleted_and_the_problem_names_who_shows_it() {
        String mediaId = uploadedPhoto();
        String slug = (String) new ContentApi(web).create(EDITOR,
                with(article("Zeigt das Bild " + unique()), "heroImage", Map.of("mediaId", mediaId)))
                .getResponseBody().get("slug");
        String city = "medien" + unique();
        Map<String, Object> portrait = new LinkedHashMap<>();
        portrait.put("name", "Medienstadt");
        portrait.put("heroImage", Map.of("mediaId", mediaId, "alt", "Die Medienstadt von oben"));
        web.put().uri("/api/cities/" + city).headers(h -> h.setBearerAuth(Tokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(portrait).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.heroImage.alt").isEqualTo("Die Medienstadt von oben")
                .jsonPath("$.heroImage.renditions.length()").isEqualTo(8);
        String etag = web.get().uri("/api/cities/" + city + "/highlights").exchange().expectStatus().isOk()
                .returnResult(Map.class).getResponseHeaders().getETag();
        Map<String, Object> teaser = Map.of("title", "Das Bild des Monats",
                "link", Map.of("kind", "url", "target", "https://example.org/bild"),
                "image", Map.of("mediaId", mediaId));
        web.put().uri("/api/cities/" + city + "/highlights").headers(h -> {
            h.setBearerAuth(Tokens.admin());
            h.setIfMatch(etag);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("items", List.of(teaser))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].image.alt").isEqualTo("Ein Bild aus dem Test")
                .jsonPath("$.items[0].image.srcset.webp").value(srcset -> assertThat((String) srcset)
                        .contains("/api/media/" + mediaId + "/1600.webp 1600w"));

        web.delete().uri("/api/media/" + mediaId).headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("article bochum/" + slug + " (de)").contains("city " + city)
                        .contains("highlight " + city + " #1"));
        web.get().uri("/api/media/" + mediaId).exchange().expectStatus().isOk();
    }

    @Test
    void a_teaser_naming_an_unknown_image_is_refused() {
        String etag = web.get().uri("/api/cities/gelsenkirchen/highlights").exchange().expectStatus().isOk()
                .returnResult(Map.class).getResponseHeaders().getETag();
        Map<String, Object> teaser = Map.of("title", "Unsichtbar",
                "link", Map.of("kind", "url", "target", "https://example.org/nichts"),
                "image", Map.of("mediaId", UUID.randomUUID().toString()));
        web.put().uri("/api/cities/gelsenkirchen/highlights").headers(h -> {
            h.setBearerAuth(Tokens.editor("gelsenkirchen"));
            h.setIfMatch(etag);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("items", List.of(teaser))).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("items[0].image.mediaId");
    }
}
