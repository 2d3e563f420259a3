package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.launcher.LocalPlatform;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
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
        refused(upload("bild.jpg", "image/jpeg", png(300, 200)), 400);
        refused(upload("bild.jpg", "image/jpeg", Arrays.copyOf(jpeg(1200, 800), 20_000)), 400);
        refused(upload("logo.svg", "image/svg+xml", ("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)"
                + "</script></svg>").getBytes(StandardCharsets.UTF_8)), 400);
    }

    @Test
    void a_tiny_file_declaring_fifty_thousand_pixels_square_is_refused_from_its_header() {
        byte[] bomb = pngDeclaring(50_000, 50_000);
        assertThat(bomb.length).isLessThan(100);
        refused(upload("bombe.png", "image/png", bomb), 422);
    }

    @Test
    void a_file_over_the_limit_is_422_and_one_far_over_it_413_at_the_edge() {
        refused(upload("gross.jpg", "image/jpeg", Arrays.copyOf(jpeg(100, 100), 15 * 1024 * 1024 + 1)), 422);
        refused(upload("riesig.jpg", "image/jpeg", Arrays.copyOf(jpeg(100, 100), 17 * 1024 * 1024)), 413);
    }

    @Test
    void uploads_without_a_token_or_by_an_editor_of_another_city_are_refused() {
        byte[] photo = jpeg(300, 200);
        refused(gateway.sendHostile("POST", "/api/cities/" + city + "/media", null, multipartType(),
                form("a.jpg", "image/jpeg", photo), false, Map.of()), 401);
        refused(gateway.sendHostile("POST", "/api/cities/" + city + "/media", issuer.editorOf("bochum"),
                multipartType(), form("a.jpg", "image/jpeg", photo), false, Map.of()), 403);
    }

    @Test
    void a_path_like_name_is_ignored_and_a_gps_position_never_leaves_the_original() {
        Gateway.Answer taken = upload("../../etc/passwd.jpg", "image/jpeg", jpegWithGps(900, 600));
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

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(ThreadLocalRandom.current().nextInt(0x1000000)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpeg");
    }

    private static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG with an APP1 segment holding EXIF whose GPS IFD names a latitude. */
    private static byte[] jpegWithGps(int width, int height) {
        ByteBuffer tiff = ByteBuffer.allocate(80);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(56);
        tiff.putInt(0);
        tiff.putInt(51).putInt(1).putInt(28).putInt(1).putInt(43).putInt(1);
        byte[] exif = ByteBuffer.allocate(86).put("Exif".getBytes(StandardCharsets.US_ASCII)).put((byte) 0)
                .put((byte) 0).put(tiff.array()).array();
        byte[] plain = jpeg(width, height);
        return ByteBuffer.allocate(plain.length + 4 + exif.length).put(plain, 0, 2).put((byte) 0xFF).put((byte) 0xE1)
                .putShort((short) (exif.length + 2)).put(exif).put(plain, 2, plain.length - 2).array();
    }

    private static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
