package de.stadtportal.content.media;

import de.stadtportal.testing.data.TestImages;
import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.MediaChanged;
import de.stadtportal.contracts.MediaRemoved;
import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.kafka.TopicReader;
import de.stadtportal.testing.security.Tokens;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@RealInfrastructure
@SuppressWarnings("unchecked")
class MediaLibraryIT {

    private static final String EDITOR = Tokens.editor("bochum");

    @Autowired WebTestClient web;
    @Autowired DatabaseClient database;
    @Autowired CloudEventEnvelope envelope;

    private MediaUploads uploads() {
        return new MediaUploads(web);
    }

    @Test
    void an_editor_uploads_a_photo_and_gets_its_size_description_and_absolute_rendition_links() {
        Map<String, Object> item = uploads().upload(EDITOR, TestImages.jpeg(2400, 1600))
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/media/[0-9a-f-]{36}")
                .expectHeader().exists("ETag")
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(item).containsEntry("city", "bochum").containsEntry("format", "jpeg")
                .containsEntry("width", 2400).containsEntry("height", 1600)
                .containsEntry("alt", "Ein Bild aus dem Test").containsEntry("altEn", "A picture made for a test")
                .containsEntry("credit", "Foto: Testlabor").containsEntry("licence", "CC BY 4.0")
                .containsEntry("version", 1);
        assertThat((Map<String, Object>) item.get("focalPoint")).containsEntry("x", 0.5).containsEntry("y", 0.3);
        List<Map<String, Object>> renditions = (List<Map<String, Object>>) item.get("renditions");
        assertThat(renditions).hasSize(8).allSatisfy(rendition -> assertThat((String) rendition.get("url"))
                .startsWith("http://localhost:8080/api/media/" + item.get("id") + "/"));
        assertThat(renditions).extracting(rendition -> rendition.get("width")).contains(320, 640, 1024, 1600);
        assertThat(((Map<String, String>) item.get("srcset")).get("webp"))
                .contains("/320.webp 320w").endsWith("/1600.webp 1600w");

        web.get().uri("/api/media/" + item.get("id")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.alt").isEqualTo("Ein Bild aus dem Test");
        List<IntegrationEvent> events = new TopicReader(Infrastructure.get().kafka().bootstrapServers())
                .read(Topics.CONTENT_MEDIA, record -> item.get("id").equals(record.key()), 1, Duration.ofMillis(300),
                        Duration.ofSeconds(30)).stream().map(record -> envelope.read(record).event()).toList();
        assertThat(events).singleElement().isInstanceOfSatisfying(MediaChanged.class, changed -> {
            assertThat(changed.media().width()).isEqualTo(2400);
            assertThat(changed.media().widths()).containsExactly(320, 640, 1024, 1600);
        });
    }

    @Test
    void a_citys_library_is_listed_newest_first_in_pages_with_its_renditions() {
        String herne = Tokens.editor("herne");
        Object older = uploads().upload("herne", herne, TestImages.png(333, 222), "a.png", "image/png", "Älter")
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        Object newer = uploads().upload("herne", herne, TestImages.jpeg(444, 333), "b.jpg", "image/jpeg", "Neuer")
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        Map<String, Object> first = web.get().uri("/api/cities/herne/media?limit=1").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> items = (List<Map<String, Object>>) first.get("items");
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("id", newer).containsEntry("alt", "Neuer");
            assertThat((List<?>) item.get("renditions")).isNotEmpty();
        });
        web.get().uri("/api/cities/herne/media?limit=1&cursor=" + first.get("next")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].id").isEqualTo(older).jsonPath("$.items[0].alt").isEqualTo("Älter");
        web.get().uri("/api/cities/atlantis/media").exchange().expectStatus().isNotFound();
        web.get().uri("/api/cities/herne/media?cursor=erfunden").exchange().expectStatus().isBadRequest();
    }

    @Test
    void the_same_bytes_twice_are_one_stored_object_and_in_one_city_one_item_whose_description_stays_until_described_anew() {
        byte[] photo = TestImages.jpeg(900, 600);
        Map<String, Object> first = uploads().upload(EDITOR, photo).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        EntityExchangeResult<Map> repeated = uploads().upload("bochum", EDITOR, photo, "noch-einmal.jpg",
                "image/jpeg", "Ein anderer Alternativtext").expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LOCATION, "/api/media/" + first.get("id"))
                .expectHeader().doesNotExist(HttpHeaders.LOCATION)
                .expectBody(Map.class).returnResult();
        Map<String, Object> again = repeated.getResponseBody();
        Map<String, Object> dortmund = uploads().upload("dortmund", Tokens.editor("dortmund"), photo, "x.jpg",
                "image/jpeg", "Dasselbe Bild in Dortmund").expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(again.get("alt")).as("the description sent again is not applied").isEqualTo(first.get("alt"));
        assertThat(again.get("version")).isEqualTo(first.get("version"));
        web.get().uri("/api/media/" + first.get("id")).exchange().expectBody()
                .jsonPath("$.alt").isEqualTo("Ein Bild aus dem Test");
        web.put().uri("/api/media/" + first.get("id")).headers(h -> {
            h.setBearerAuth(EDITOR);
            h.setIfMatch(repeated.getResponseHeaders().getETag());
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("alt", "Ein anderer Alternativtext"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.alt").isEqualTo("Ein anderer Alternativtext");
        assertThat(dortmund.get("id")).isNotEqualTo(first.get("id"));
        assertThat(objectsNamedBy(first.get("id"))).isEqualTo(1);
        assertThat(database.sql("SELECT count(DISTINCT sha256) AS n FROM media WHERE id IN (:a, :b)")
                .bind("a", java.util.UUID.fromString((String) first.get("id")))
                .bind("b", java.util.UUID.fromString((String) dortmund.get("id")))
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1L);
    }

    @Test
    void a_rendition_has_the_pixel_size_and_format_its_url_names_and_is_cached_for_ever() throws IOException {
        String id = upload(TestImages.jpeg(2000, 1000));

        EntityExchangeResult<byte[]> jpg = web.get().uri("/api/media/" + id + "/640.jpg").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectHeader().cacheControl(org.springframework.http.CacheControl.maxAge(Duration.ofDays(365))
                        .cachePublic().immutable())
                .expectBody().returnResult();
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(jpg.getResponseBody()));
        assertThat(read.getWidth()).isEqualTo(640);
        assertThat(read.getHeight()).isEqualTo(320);
        String etag = jpg.getResponseHeaders().getETag();
        assertThat(etag).startsWith("\"");

        web.get().uri("/api/media/" + id + "/640.jpg").ifNoneMatch(etag).exchange()
                .expectStatus().isNotModified().expectHeader().valueEquals("ETag", etag);
        byte[] again = web.get().uri("/api/media/" + id + "/640.jpg").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        assertThat(again).isEqualTo(jpg.getResponseBody());

        byte[] webp = web.get().uri("/api/media/" + id + "/320.webp").exchange().expectStatus().isOk()
                .expectHeader().contentType("image/webp").expectBody().returnResult().getResponseBody();
        assertThat(new String(webp, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        assertThat(ImageIO.read(new ByteArrayInputStream(webp)).getWidth()).isEqualTo(320);
        assertThat(database.sql("SELECT count(*) AS n FROM media_rendition r JOIN media m ON m.sha256 = r.sha256"
                        + " WHERE m.id = :id").bind("id", java.util.UUID.fromString(id))
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(2L);
    }

    @Test
    void a_small_image_is_never_upscaled_and_widths_beyond_it_are_not_found() throws IOException {
        String id = upload(TestImages.png(200, 100), "klein.png", "image/png");

        byte[] smallest = web.get().uri("/api/media/" + id + "/320.jpg").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        assertThat(ImageIO.read(new ByteArrayInputStream(smallest)).getWidth()).isEqualTo(200);
        web.get().uri("/api/media/" + id + "/640.jpg").exchange().expectStatus().isNotFound();
        web.get().uri("/api/media/" + id + "/500.jpg").exchange().expectStatus().isNotFound();
        web.get().uri("/api/media/" + id + "/320.gif").exchange().expectStatus().isNotFound();
    }

    @Test
    void the_original_with_its_gps_position_is_served_to_editors_of_the_city_only() {
        byte[] photo = TestImages.jpegWithGps(1200, 800);
        String id = upload(photo);

        byte[] original = web.get().uri("/api/media/" + id + "/original").headers(h -> h.setBearerAuth(EDITOR))
                .exchange().expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectHeader().valueEquals("Cache-Control", "no-store, private")
                .expectBody().returnResult().getResponseBody();
        assertThat(original).isEqualTo(photo);
        web.get().uri("/api/media/" + id + "/original").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/media/" + id + "/original").headers(h -> h.setBearerAuth(Tokens.editor("dortmund")))
                .exchange().expectStatus().isForbidden();

        byte[] rendition = web.get().uri("/api/media/" + id + "/640.jpg").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        assertThat(TestImages.contains(rendition, TestImages.GPS_LATITUDE)).isFalse();
        assertThat(TestImages.contains(rendition, "Exif".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isFalse();
    }

    @Test
    void an_editor_describes_an_item_anew_with_if_match_and_the_change_is_announced() {
        EntityExchangeResult<Map> created = uploads().upload(EDITOR, TestImages.jpeg(700, 500))
                .expectStatus().isCreated().expectBody(Map.class).returnResult();
        String id = (String) created.getResponseBody().get("id");
        String etag = created.getResponseHeaders().getETag();
        Map<String, Object> text = Map.of("alt", "Der Förderturm im Abendlicht", "altEn", "The headframe at dusk",
                "credit", "Foto: Stadt Bochum", "focalPoint", "0.4,0.2");

        web.put().uri("/api/media/" + id).headers(h -> h.setBearerAuth(EDITOR)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(text).exchange().expectStatus().isEqualTo(428);
        String next = web.put().uri("/api/media/" + id).headers(h -> {
            h.setBearerAuth(EDITOR);
            h.setIfMatch(etag);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(text).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.alt").isEqualTo("Der Förderturm im Abendlicht")
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.licence").doesNotExist()
                .returnResult().getResponseHeaders().getETag();
        web.put().uri("/api/media/" + id).headers(h -> {
            h.setBearerAuth(EDITOR);
            h.setIfMatch(etag);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(text).exchange().expectStatus().isEqualTo(412);
        web.get().uri("/api/media/" + id).ifNoneMatch(next).exchange().expectStatus().isNotModified();

        List<IntegrationEvent> events = new TopicReader(Infrastructure.get().kafka().bootstrapServers())
                .read(Topics.CONTENT_MEDIA, record -> id.equals(record.key()), 2, Duration.ofMillis(300),
                        Duration.ofSeconds(30)).stream().map(record -> envelope.read(record).event()).toList();
        assertThat(events).extracting(IntegrationEvent::version).containsExactly(1L, 2L);
    }

    @Test
    void an_unused_item_is_deleted_with_its_bytes_and_the_deletion_is_announced() {
        String id = upload(TestImages.jpeg(640, 480));
        web.get().uri("/api/media/" + id + "/320.jpg").exchange().expectStatus().isOk();

        web.delete().uri("/api/media/" + id).headers(h -> h.setBearerAuth(Tokens.editor("dortmund"))).exchange()
                .expectStatus().isForbidden();
        web.delete().uri("/api/media/" + id).headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isNoContent();

        web.get().uri("/api/media/" + id).exchange().expectStatus().isNotFound();
        web.get().uri("/api/media/" + id + "/320.jpg").exchange().expectStatus().isNotFound();
        assertThat(database.sql("SELECT count(*) AS n FROM media_object o WHERE NOT EXISTS"
                + " (SELECT 1 FROM media m WHERE m.sha256 = o.sha256)").map(row -> row.get("n", Long.class))
                .one().block()).isZero();
        List<IntegrationEvent> events = new TopicReader(Infrastructure.get().kafka().bootstrapServers())
                .read(Topics.CONTENT_MEDIA, record -> id.equals(record.key()), 2, Duration.ofMillis(300),
                        Duration.ofSeconds(30)).stream().map(record -> envelope.read(record).event()).toList();
        assertThat(events.get(events.size() - 1)).isInstanceOf(MediaRemoved.class);
    }

    private String upload(byte[] jpeg) {
        return upload(jpeg, "bild.jpg", "image/jpeg");
    }

    private String upload(byte[] file, String name, String type) {
        return (String) uploads().upload("bochum", EDITOR, file, name, type, "Ein Bild").expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private long objectsNamedBy(Object id) {
        return database.sql("SELECT count(*) AS n FROM media_object o JOIN media m ON m.sha256 = o.sha256"
                        + " WHERE m.id = :id").bind("id", java.util.UUID.fromString((String) id))
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
