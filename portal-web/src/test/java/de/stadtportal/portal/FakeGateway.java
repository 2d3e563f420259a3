package de.stadtportal.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A real HTTP server playing the platform's gateway with answers in the API's shapes (SPEC §9,
 * files under {@code fixtures/}): just the reads the portal makes, so that its pages can be tested
 * quickly without the platform. The real platform behind the real gateway is e2e-tests' business.
 * A path prefix can be taken "down", answered with 503 as the gateway answers for a dead backend.
 * {@link #withCaching()} adds the platform's caching headers: a list {@code public, max-age=30}, a
 * single resource an ETag and {@code public, no-cache}, answered 304 when asked with its ETag.
 */
final class FakeGateway {

    /** The single resources among the reads: what the platform answers with an ETag. */
    private static final Set<String> ETAGGED = Set.of("/api/cities/bochum", "/api/cities/bochum/highlights",
            "/api/cities/bochum/articles/univercity-bochum");

    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final List<URI> seen = new CopyOnWriteArrayList<>();
    private final Map<String, String> forwardedFor = new ConcurrentHashMap<>();
    private final List<String> notModified = new CopyOnWriteArrayList<>();
    private final boolean caching;
    private final DisposableServer server;

    FakeGateway() {
        this(false);
    }

    private FakeGateway(boolean caching) {
        this.caching = caching;
        server = HttpServer.create().host("127.0.0.1").port(0).handle(this::answer).bindNow();
    }

    /** A fake that says, as the platform does, how long its answers may be kept. */
    static FakeGateway withCaching() {
        return new FakeGateway(true);
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Answers every path starting with {@code prefix} with 503, until {@link #allUp()}. */
    void down(String prefix) {
        down.add(prefix);
    }

    void allUp() {
        down.clear();
    }

    /** The requests that reached the fake with this path, newest last. */
    List<URI> seen(String path) {
        return seen.stream().filter(uri -> uri.getPath().equals(path)).toList();
    }

    /** How many reads of this path were answered 304 (a kept answer confirmed by its ETag). */
    long notModified(String path) {
        return notModified.stream().filter(path::equals).count();
    }

    /** How many requests reached the fake so far. */
    int requests() {
        return seen.size();
    }

    /** The {@code X-Forwarded-For} of the last request for this path ("" when it had none). */
    String forwardedFor(String path) {
        return forwardedFor.get(path);
    }

    private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        URI uri = URI.create(request.uri());
        seen.add(uri);
        forwardedFor.put(uri.getPath(), request.requestHeaders().get("X-Forwarded-For", ""));
        String path = uri.getPath();
        if (down.stream().anyMatch(path::startsWith)) {
            return response.status(503).header("Content-Type", "application/problem+json")
                    .sendString(Mono.just("{\"title\":\"Service unavailable\",\"status\":503}")).then();
        }
        Map<String, List<String>> query = UriComponentsBuilder.fromUri(uri).build().getQueryParams();
        String accept = request.requestHeaders().get("Accept", "");
        String fixture = fixture(path, query, accept);
        if (fixture == null) {
            return response.status(404).header("Content-Type", "application/problem+json")
                    .sendString(Mono.just("{\"title\":\"Not Found\",\"status\":404}")).then();
        }
        if (caching) {
            String etag = "\"" + Integer.toHexString(fixture.hashCode()) + "\"";
            if (ETAGGED.contains(path) || path.startsWith("/api/events/6f1c") || path.startsWith("/api/venues/")) {
                if (etag.equals(request.requestHeaders().get("If-None-Match"))) {
                    notModified.add(path);
                    return response.status(304).header("ETag", etag).header("Cache-Control", "no-cache, public").send();
                }
                response.header("ETag", etag).header("Cache-Control", "no-cache, public");
            } else {
                response.header("Cache-Control", "max-age=30, public");
            }
        }
        String type = fixture.endsWith(".ics") ? "text/calendar" : fixture.endsWith(".jsonld") ? "application/ld+json"
                : "application/json";
        return response.status(200).header("Content-Type", type + ";charset=UTF-8")
                .sendString(Mono.just(read(fixture))).then();
    }

    private static String fixture(String path, Map<String, List<String>> query, String accept) {
        String event = "/api/events/6f1c0000-0000-4000-8000-000000000001";
        return switch (path) {
            case "/api/cities" -> "cities.json";
            case "/api/cities/bochum" -> "city-bochum.json";
            case "/api/cities/bochum/highlights" -> "highlights-bochum.json";
            case "/api/cities/bochum/articles" -> query.containsKey("topic")
                    ? "articles-" + query.get("topic").get(0) + ".json" : "articles-arbeiten.json";
            case "/api/cities/bochum/articles/univercity-bochum" -> query.getOrDefault("locale", List.of("de")).get(0)
                    .equals("en") ? "article-univercity-bochum-en.json" : "article-univercity-bochum.json";
            case "/api/events" -> "events.json";
            case "/api/events/categories" -> "categories.json";
            case "/api/venues" -> "venues.json";
            case "/api/venues/9a2b0000-0000-4000-8000-000000000001" -> "venue-1.json";
            case "/api/search" -> "search.json";
            case "/api/search/suggest" -> "suggest.json";
            default -> path.equals(event) ? (accept.contains("calendar") ? "event-1.ics"
                    : accept.contains("ld+json") ? "event-1.jsonld" : "event-1.json") : null;
        };
    }

    private static String read(String fixture) {
        try (InputStream in = FakeGateway.class.getResourceAsStream("/fixtures/" + fixture)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
