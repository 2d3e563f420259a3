package de.stadtportal.launcher;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's own images: drawn here with Java2D (the city's colours, a skyline of shapes and the
 * city's name with what the picture stands for), uploaded into the city's media library through
 * the gateway, and put into the demo bodies in place of the placeholder URLs they were written
 * with ({@code https://images.stadtportal.example/<city>/<name>.jpg}), so the demo portal shows
 * no broken image. The same placeholder is drawn and uploaded once; drawing is deterministic, so a
 * second run answers the items the library already has.
 */
final class DemoImages {

    static final String PLACEHOLDER = "https://images.stadtportal.example/";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOUNDARY = "stadtportal-demo-image";
    private static final Map<String, Color[]> COLOURS = Map.of(
            "bochum", new Color[] {new Color(0x005ca9), new Color(0x7cc4f0)},
            "dortmund", new Color[] {new Color(0x1a1a1a), new Color(0xfdd835)},
            "essen", new Color[] {new Color(0x00594f), new Color(0xf4a261)},
            "gelsenkirchen", new Color[] {new Color(0x004b9b), new Color(0xe8e8e8)},
            "herne", new Color[] {new Color(0x8e1c1c), new Color(0xf2c14e)});

    private final String gateway;
    private final String token;
    private final HttpClient http;
    private final PrintStream out;
    private final Map<String, String> uploaded = new HashMap<>();

    DemoImages(String gateway, String token, HttpClient http, PrintStream out) {
        this.gateway = gateway;
        this.token = token;
        this.http = http;
        this.out = out;
    }

    /**
     * Replaces each {@code heroImage} or {@code image} of the body (at any depth) whose URL is a
     * placeholder by {@code {"mediaId", "alt"}} of a library image made for it; the alt text stays
     * the body's own, which is what the reference shows. An image that cannot be uploaded keeps
     * its URL, and the demo goes on.
     */
    void useLibrary(JsonNode body) {
        if (body instanceof ObjectNode object) {
            for (String field : new String[] {"heroImage", "image"}) {
                JsonNode image = object.get(field);
                if (image instanceof ObjectNode reference && reference.has("url")
                        && reference.get("url").asString().startsWith(PLACEHOLDER)) {
                    String url = reference.get("url").asString();
                    String alt = reference.has("alt") ? reference.get("alt").asString() : null;
                    String id = mediaId(url, alt);
                    if (id != null) {
                        reference.remove("url");
                        reference.put("mediaId", id);
                    }
                }
            }
        }
        if (body != null && body.isContainer()) {
            for (Iterator<JsonNode> children = body.values().iterator(); children.hasNext(); ) {
                useLibrary(children.next());
            }
        }
    }

    private String mediaId(String url, String alt) {
        return uploaded.computeIfAbsent(url, key -> {
            String[] path = key.substring(PLACEHOLDER.length()).split("/");
            String city = path[0];
            String name = path[path.length - 1].replaceFirst("\\.[a-z]+$", "");
            try {
                return upload(city, draw(city, name), alt == null ? "Bild aus " + title(city) : alt);
            } catch (RuntimeException e) {
                out.println("stadtportal: demo image " + key + " not uploaded (" + e.getMessage() + "); kept its URL");
                return null;
            }
        });
    }

    private String upload(String city, byte[] jpeg, String alt) {
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        part(form, "alt", null, alt.getBytes(StandardCharsets.UTF_8));
        part(form, "credit", null, "Grafik: Stadtportal-Demo".getBytes(StandardCharsets.UTF_8));
        part(form, "licence", null, "CC0 1.0".getBytes(StandardCharsets.UTF_8));
        part(form, "file", "demo.jpg", jpeg);
        form.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/cities/" + city + "/media"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && response.statusCode() != 200) {
                throw new IllegalStateException("answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body()).get("id").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while uploading demo images");
        }
    }

    private static void part(ByteArrayOutputStream form, String name, String fileName, byte[] content) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: image/jpeg") + "\r\n\r\n";
        form.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        form.writeBytes(content);
        form.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** A 1600 × 900 picture in the city's colours: sky, a skyline, a headframe, the city's name and the subject. */
    static byte[] draw(String city, String subject) {
        int width = 1600;
        int height = 900;
        Color[] colours = COLOURS.getOrDefault(city, new Color[] {new Color(0x264653), new Color(0xe9c46a)});
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, colours[1], 0, height, colours[0]));
        g.fillRect(0, 0, width, height);
        Random random = new Random((city + "/" + subject).hashCode());
        g.setColor(colours[0].darker());
        for (int x = 0; x < width; x += 60 + random.nextInt(80)) {
            int w = 50 + random.nextInt(90);
            int h = 120 + random.nextInt(300);
            g.fillRect(x, height - h, w, h);
        }
        g.setStroke(new BasicStroke(14));
        int tower = 200 + random.nextInt(width - 400);
        g.drawLine(tower, height - 420, tower - 90, height);
        g.drawLine(tower, height - 420, tower + 90, height);
        g.drawOval(tower - 45, height - 470, 90, 90);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 150));
        g.drawString(title(city), 80, 230);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 64));
        g.drawString(title(subject.replace('-', ' ')), 86, 320);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String title(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.GERMAN) + word.substring(1);
    }
}
