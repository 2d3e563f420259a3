package de.stadtportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo data on a slow machine: the gateway's deadline may answer 503 for a write that goes on
 * behind it and is stored. The loader must then take the stored item instead of creating it twice,
 * and send again only a write that was not stored. The gateway here is a small HTTP server that
 * keeps venues as the events API lists them.
 */
class DemoDataUnsureAnswersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    private HttpServer gateway;
    private final List<String> venues = new CopyOnWriteArrayList<>();
    private final AtomicInteger posts = new AtomicInteger();
    /** How the gateway answers the next POST: "stored then 503", "503 unstored", or "201". */
    private volatile String nextPost = "201";

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        gateway.createContext("/api/venues", this::venues);
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void a_create_answered_503_that_was_stored_is_found_and_not_sent_again() {
        nextPost = "stored then 503";

        var created = loader().create("/api/venues", venue("Zeche Eins"), () -> loader().found(
                "/api/venues?city=bochum", item -> "Zeche Eins".equals(item.path("name").asString())));

        assertThat(created.path("id").asString()).isEqualTo("venue-1");
        assertThat(posts).hasValue(1);
        assertThat(venues).containsExactly("Zeche Eins");
    }

    @Test
    void a_create_answered_503_that_was_not_stored_is_sent_again_once_lookups_find_nothing() {
        nextPost = "503 unstored";

        var created = loader().create("/api/venues", venue("Zeche Zwei"), () -> loader().found(
                "/api/venues?city=bochum", item -> "Zeche Zwei".equals(item.path("name").asString())));

        assertThat(created.path("id").asString()).isEqualTo("venue-1");
        assertThat(posts).hasValue(2);
        assertThat(venues).containsExactly("Zeche Zwei");
    }

    @Test
    void a_step_answered_503_that_was_done_takes_the_second_answers_conflict_as_done() {
        nextPost = "stored then 503";

        loader().step("POST", "/api/venues", venue("Zeche Drei"), Map.of());

        // the second sending met the venue the first had stored (409 here): one venue, no failure
        assertThat(posts).hasValue(2);
        assertThat(venues).containsExactly("Zeche Drei");
    }

    private DemoData loader() {
        return new DemoData("http://localhost:" + gateway.getAddress().getPort(), home, "token", Duration.ofMillis(10));
    }

    private static ObjectNode venue(String name) {
        return JSON.createObjectNode().put("city", "bochum").put("name", name);
    }

    private void venues(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod())) {
            ObjectNode list = JSON.createObjectNode();
            var items = list.putArray("items");
            for (int i = 0; i < venues.size(); i++) {
                items.addObject().put("id", "venue-" + (i + 1)).put("name", venues.get(i));
            }
            answer(exchange, 200, list.toString());
            return;
        }
        posts.incrementAndGet();
        String name = JSON.readTree(exchange.getRequestBody()).path("name").asString();
        String how = nextPost;
        nextPost = "201";
        if (venues.contains(name)) {
            answer(exchange, 409, "{\"title\":\"exists\"}");
        } else if (how.equals("503 unstored")) {
            answer(exchange, 503, "{\"title\":\"Service Unavailable\"}");
        } else {
            venues.add(name);
            String id = "venue-" + venues.size();
            answer(exchange, how.equals("201") ? 201 : 503, how.equals("201")
                    ? "{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}" : "{\"title\":\"Service Unavailable\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
