package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.launcher.LocalPlatform;
import de.stadtportal.testing.data.TestImages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile uploads to the media library, sent through the gateway as a client would send them:
 * every one a problem document with a 4xx status, none a 5xx; a photo with a GPS position is taken
 * and its renditions carry none. The images are drawn here with Java2D; nothing is downloaded.
 */
class HostileMediaInputIT {

    private static final String BOUNDARY = "stadtportal-feindbild";

    private static Gateway gateway;
    private static PlatformIssuer issuer;
    private static String city;

    @BeforeAll
    static void aCityOfItsOwn() {
        LocalPlatform platform = RunningPlatform.get();
        gateway = new Gateway(platform.gatewayUrl());
        issuer = PlatformIssuer.of(platform);
        city = CityOfItsOwn.create(gateway, issuer, "Bilderstadt").slug();
    }

    @Test
    void text_a_lying_content_type_a_truncated_file_and_svg_are_400_problems() {
        refused(upload("bild.jpg", "image/jpeg", "Hallo".getBytes(StandardCharsets.UTF_8)), 400);
        refused(upload("bild.jpg", "image/jpeg", TestImages.png(300, 200)), 400);
        // a share of its own length: a fixed length (20,000 bytes) cut nothing from the one picture in eight that came out shorter
        refused(upload("bild.jpg", "image/jpeg", TestImages.truncated(TestImages.jpeg(1200, 800), 0.6)), 400);
        refused(upload("logo.svg", "image/svg+xml", ("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)"
                + "</script></svg>").getBytes(StandardCharsets.UTF_8)), 400);
    }

    @Test
    void a_tiny_file_declaring_fifty_thousand_pixels_square_is_refused_from_its_header() {
        byte[] bomb = TestImages.pngDeclaring(50_000, 50_000);
        assertThat(bomb.length).isLessThan(100);
        refused(upload("bombe.png", "image/png", bomb), 422);
    }

    @Test
    void a_file_over_the_limit_is_422_and_one_far_over_it_413_at_the_edge() {
        refused(upload("gross.jpg", "image/jpeg", Arrays.copyOf(TestImages.jpeg(100, 100), 15 * 1024 * 1024 + 1)), 422);
        refused(upload("riesig.jpg", "image/jpeg", Arrays.copyOf(TestImages.jpeg(100, 100), 17 * 1024 * 1024)), 413);
    }

    @Test
    void uploads_without_a_token_or_by_an_editor_of_another_city_are_refused() {
        byte[] photo = TestImages.jpeg(300, 200);
        refused(gateway.sendHostile("POST", "/api/cities/" + city + "/media", null, multipartType(),
                form("a.jpg", "image/jpeg", photo), false, Map.of()), 401);
        refused(gateway.sendHostile("POST", "/api/cities/" + city + "/media", issuer.editorOf("bochum"),
                multipartType(), form("a.jpg", "image/jpeg", photo), false, Map.of()), 403);
    }

    @Test
    void a_path_like_name_is_ignored_and_a_gps_position_never_leaves_the_original() {
        Gateway.Answer taken = upload("../../etc/passwd.jpg", "image/jpeg", TestImages.jpegWithGps(900, 600));
        assertThat(taken.status()).as(taken.raw().body()).isEqualTo(201);
        assertThat(taken.raw().body()).doesNotContain("passwd");
        String id = taken.body().get("id").asString();

        for (String rendition : new String[] {"320.jpg", "640.webp"}) {
            Gateway.Answer image = gateway.sendHostile("GET", "/api/media/" + id + "/" + rendition, null, null, null,
                    false, Map.of("Accept", "image/*"));
            assertThat(image.status()).isEqualTo(200);
            assertThat(image.raw().headers().firstValue("Cache-Control").orElseThrow())
                    .contains("public").contains("max-age=31536000").contains("immutable");
            assertThat(image.raw().body()).doesNotContain("Exif");
        }
        refused(gateway.sendHostile("GET", "/api/media/" + id + "/original", null, null, null, false, Map.of()), 401);
    }

    private static Gateway.Answer upload(String name, String type, byte[] file) {
        return gateway.sendHostile("POST", "/api/cities/" + city + "/media", issuer.editorOf(city), multipartType(),
                form(name, type, file), false, Map.of());
    }

    private static void refused(Gateway.Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    private static String multipartType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    /** The form as a browser sends it: the file part with the name and type given, and the alt text. */
    private static byte[] form(String name, String type, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\nEin Bild\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
