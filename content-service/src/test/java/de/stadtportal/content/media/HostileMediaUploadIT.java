package de.stadtportal.content.media;

import de.stadtportal.testing.data.TestImages;
import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.security.Tokens;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every hostile upload is a problem document and leaves no item, no bytes and no event behind. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@RealInfrastructure
class HostileMediaUploadIT {

    private static final String EDITOR = Tokens.editor("bochum");

    @Autowired WebTestClient web;
    @Autowired DatabaseClient database;

    private WebTestClient.ResponseSpec upload(byte[] file, String name, String type) {
        return new MediaUploads(web).upload("bochum", EDITOR, file, name, type, "Ein Bild");
    }

    @Test
    void text_is_not_an_image() {
        nothingStored(() -> rejects(upload("Hallo Bochum".getBytes(), "bild.jpg", "image/jpeg"), 400, "file"));
    }

    @Test
    void a_png_sent_as_a_jpeg_is_refused_as_a_lying_content_type() {
        nothingStored(() -> rejects(upload(TestImages.png(400, 300), "bild.jpg", "image/jpeg"), 400, "file"));
    }

    @Test
    void a_truncated_jpeg_is_refused_as_damaged() {
        nothingStored(() -> rejects(upload(TestImages.truncated(TestImages.jpeg(1200, 800), 0.6), "bild.jpg",
                "image/jpeg"), 400, "file"));
    }

    @Test
    void a_tiny_file_declaring_fifty_thousand_pixels_square_is_refused_before_it_is_decoded() {
        nothingStored(() -> rejects(upload(TestImages.pngDeclaring(50_000, 50_000), "bombe.png", "image/png"), 422,
                "file"));
    }

    @Test
    void a_file_over_the_size_limit_is_refused_and_one_far_over_it_is_cut_off() {
        byte[] justOver = Arrays.copyOf(TestImages.jpeg(100, 100), 15 * 1024 * 1024 + 1);
        byte[] farOver = Arrays.copyOf(TestImages.jpeg(100, 100), 20 * 1024 * 1024);
        nothingStored(() -> {
            rejects(upload(justOver, "gross.jpg", "image/jpeg"), 422, "file");
            rejects(upload(farOver, "riesig.jpg", "image/jpeg"), 413, null);
        });
    }

    @Test
    void svg_is_refused_whatever_it_is_called() {
        nothingStored(() -> {
            rejects(upload(TestImages.svg(), "logo.svg", "image/svg+xml"), 400, "file");
            rejects(upload(TestImages.svg(), "logo.png", "image/png"), 400, "file");
        });
    }

    @Test
    void a_path_like_file_name_is_never_used_and_the_image_is_taken_under_its_id() {
        Map<?, ?> item = upload(TestImages.jpeg(400, 300), "../../etc/passwd.jpg", "image/jpeg")
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(item.toString()).doesNotContain("passwd").doesNotContain("..");
        assertThat((String) item.get("id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void a_photo_with_gps_is_taken_and_its_renditions_carry_no_position() {
        String id = (String) upload(TestImages.jpegWithGps(800, 600), "urlaub.jpg", "image/jpeg")
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        for (String rendition : new String[] {"320.jpg", "640.webp"}) {
            byte[] bytes = web.get().uri("/api/media/" + id + "/" + rendition).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody();
            assertThat(TestImages.contains(bytes, TestImages.GPS_LATITUDE)).isFalse();
        }
    }

    @Test
    void an_upload_without_alt_text_or_file_or_as_a_broken_form_is_a_400() {
        nothingStored(() -> {
            rejects(new MediaUploads(web).upload("bochum", EDITOR, TestImages.jpeg(300, 200), "bild.jpg",
                    "image/jpeg", null), 400, "alt");
            rejects(web.post().uri("/api/cities/bochum/media").headers(h -> h.setBearerAuth(EDITOR))
                    .contentType(MediaType.parseMediaType("multipart/form-data; boundary=xyz"))
                    .bodyValue("--abc\r\nnonsense").exchange(), 400, null);
        });
    }

    @Test
    void strangers_and_editors_of_other_cities_cannot_upload() {
        nothingStored(() -> {
            rejects(new MediaUploads(web).upload("bochum", null, TestImages.jpeg(300, 200), "a.jpg", "image/jpeg",
                    "Bild"), 401, null);
            rejects(new MediaUploads(web).upload("bochum", Tokens.editor("dortmund"), TestImages.jpeg(300, 200),
                    "a.jpg", "image/jpeg", "Bild"), 403, null);
            rejects(new MediaUploads(web).upload("atlantis", Tokens.admin(), TestImages.jpeg(300, 200), "a.jpg",
                    "image/jpeg", "Bild"), 404, null);
        });
    }

    private static void rejects(WebTestClient.ResponseSpec response, int status, String field) {
        WebTestClient.BodyContentSpec body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status);
        if (field != null) {
            body.jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
        }
    }

    /** Runs the uploads and checks that no item, no stored bytes and no outbox entry appeared. */
    private void nothingStored(Runnable uploads) {
        String before = stored();
        uploads.run();
        assertThat(stored()).isEqualTo(before);
    }

    /** Items, stored objects and the newest outbox entry (old sent entries are cleaned up, never added). */
    private String stored() {
        return database.sql("SELECT concat_ws('/', (SELECT count(*) FROM media), (SELECT count(*) FROM media_object),"
                + " (SELECT max(id) FROM outbox)) AS n").map(row -> row.get("n", String.class)).one().block();
    }
}
