package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.launcher.LocalPlatform;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The platform as a user meets it: started like {@code ./stadtportal up}, with its demo data, and
 * driven only through the gateway.
 */
class PlatformEndToEndIT {

    private static LocalPlatform platform;
    private static Gateway gateway;
    private static String bochumEditor;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.get();
        gateway = new Gateway(platform.gatewayUrl());
        bochumEditor = platform.token("editor", "bochum");
    }

    @Test
    void the_demo_data_is_there_and_the_city_home_answers_in_one_call() {
        Gateway.Answer home = gateway.get("/api/cities/bochum/home");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body().toString()).contains("Die Ermöglicherstadt");
        assertThat(home.body().path("articles").size()).isPositive();
        // the demo's three, and any other test of this JVM added since (the desk's browser test adds one)
        assertThat(home.body().path("highlights").size()).isGreaterThanOrEqualTo(3);
        assertThat(home.body().path("partial").asBoolean(false)).isFalse();
        // other tests of this JVM may have published newer articles since: ask for the demo article itself
        assertThat(gateway.get("/api/cities/bochum/articles/univercity-bochum").body().path("title").asString())
                .isEqualTo("UniverCity Bochum");
        assertThat(gateway.get("/api/cities/bochum/articles/univercity-bochum?locale=en").body().path("locale")
                .asString()).isEqualTo("en");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(gateway.get("/api/search?q=Musikforum").body().path("total").asInt()).isPositive());
    }

    @Test
    void a_published_article_is_found_by_search_and_leaves_the_results_when_unpublished() {
        String word = "Zechenkunst" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        String slug = publishArticle(word);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids("/api/search?q=" + word + "&type=article"))
                .isNotEmpty());

        Gateway.Answer unpublished = gateway.send("DELETE", "/api/cities/bochum/articles/" + slug + "/publication",
                bochumEditor, null, Map.of());
        assertThat(unpublished.status()).isBetween(200, 204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids("/api/search?q=" + word)).isEmpty());
    }

    @Test
    void a_cancelled_event_is_found_marked_cancelled() {
        String word = "Grubenlicht" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode venue = gateway.get("/api/venues?city=bochum&limit=1").body().path("items").get(0);
        ZonedDateTime start = ZonedDateTime.now().plusDays(5).withHour(19).withMinute(0).withSecond(0).withNano(0);
        Gateway.Answer created = gateway.send("POST", "/api/events", bochumEditor, Map.of(
                "city", "bochum", "venueId", venue.get("id").asString(), "title", word + " – Abendkonzert",
                "description", "Ein Abend mit Liedern über Kohle und Licht.", "category", "konzert",
                "start", start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "end", start.plusHours(2).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "price", Map.of("free", true, "currency", "EUR")), Map.of());
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.body().get("id").asString();

        assertThat(gateway.send("POST", "/api/events/" + id + "/cancellation", bochumEditor, null, Map.of())
                .status()).isBetween(200, 204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode hits = gateway.get("/api/search?q=" + word + "&type=event").body().path("hits");
            assertThat(hits.size()).isEqualTo(1);
            assertThat(hits.get(0).path("status").asString()).isEqualTo("cancelled");
        });
    }

    @Test
    void an_editor_of_another_city_gets_403_and_changes_nothing() {
        Gateway.Answer refused = gateway.send("POST", "/api/cities/bochum/articles", platform.token("editor", "dortmund"),
                article("Fremde Feder"), Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(gateway.get("/api/cities/bochum/articles/fremde-feder").status()).isEqualTo(404);
    }

    @Test
    void with_search_stopped_search_answers_a_fast_503_content_still_answers_and_search_catches_up_after() {
        platform.stopService("search-service");
        String word = "Halde" + UUID.randomUUID().toString().substring(0, 6);
        try {
            Gateway.Answer search = gateway.get("/api/search?q=Bochum");
            assertThat(search.status()).isEqualTo(503);
            assertThat(search.contentType()).startsWith("application/problem+json");
            assertThat(gateway.get("/api/cities/bochum").status()).isEqualTo(200);
            publishArticle(word);
        } finally {
            platform.restartService("search-service");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ids("/api/search?q=" + word)).isNotEmpty());
    }

    private String publishArticle(String word) {
        Gateway.Answer created = gateway.send("POST", "/api/cities/bochum/articles", bochumEditor,
                article(word + " im Revier"), Map.of());
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String slug = created.body().get("slug").asString();
        Gateway.Answer published = gateway.send("POST", "/api/cities/bochum/articles/" + slug + "/publication",
                bochumEditor, Map.of(), Map.of());
        assertThat(published.status()).as(published.raw().body()).isBetween(200, 204);
        return slug;
    }

    private static Map<String, Object> article(String title) {
        return Map.of("title", title, "topic", "leben", "locale", "de",
                "summary", "Ein Streifzug über Halden und durch alte Hallen.",
                "body", "Wo früher gearbeitet wurde, wird heute **gefeiert**.", "tags", List.of("revier"));
    }

    private static List<String> ids(String path) {
        Gateway.Answer answer = gateway.get(path.replace(" ", URLEncoder.encode(" ", StandardCharsets.UTF_8)));
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.body().path("hits").forEach(hit -> ids.add(hit.path("id").asString()));
        return ids;
    }
}
