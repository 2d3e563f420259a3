package de.stadtportal.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The few calls the integration tests make over and over, so that each test states only what
 * matters to it. Titles carry a random word because all tests share one database.
 */
public final class ContentApi {

    public static final String BOCHUM = "/api/cities/bochum/articles";

    private final WebTestClient web;

    public ContentApi(WebTestClient web) {
        this.web = web;
    }

    /** A lower-case word no other test uses, to keep slugs and tags apart. */
    public static String unique() {
        return "t" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    public static Map<String, Object> article(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("subtitle", "Wie Hörsäle und Labore den Alltag der Stadt prägen");
        body.put("topic", "arbeiten");
        body.put("summary", "Neun Hochschulen machen aus Bochum einen Ort, an dem Wissen Arbeit schafft.");
        body.put("body", "Zwischen Campus und Innenstadt entstehen **neue Arbeitsplätze**.\n\n- Forschung\n- Lehre");
        body.put("tags", List.of("wissen", "hochschulen"));
        body.put("heroImage", Map.of("url", "https://img.stadtportal.test/campus.jpg", "alt", "Blick über den Campus"));
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    public EntityExchangeResult<Map> create(String token, Map<String, Object> body) {
        return web.post().uri(BOCHUM).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult();
    }

    public EntityExchangeResult<Map> publish(String token, String slug, String locale) {
        return web.post().uri(BOCHUM + "/" + slug + "/publication?locale=" + locale)
                .headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult();
    }

    public WebTestClient.ResponseSpec get(String slug, String token) {
        return web.get().uri(BOCHUM + "/" + slug).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).exchange();
    }
}
