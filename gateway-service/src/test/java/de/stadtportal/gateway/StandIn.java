package de.stadtportal.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.GlobalEventExecutor;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A real HTTP server standing in for one backend service: it records what reached it and answers
 * like the service would, enough for the gateway to be tested end to end. It can be stopped and
 * started again on the same port to play a dead backend.
 */
final class StandIn {

    /** What the backend saw of one request. */
    record Seen(String method, String path, String query, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final String name;
    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> flaky = new ConcurrentHashMap<>();
    private volatile DisposableServer server;
    private volatile boolean stalled;
    private volatile boolean disturbed;
    private volatile int port;

    private StandIn(String name) {
        this.name = name;
    }

    static StandIn start(String name) {
        StandIn standIn = new StandIn(name);
        standIn.up();
        return standIn;
    }

    synchronized void up() {
        stalled = false;
        disturbed = false;
        if (server == null) {
            // the channel group makes down() close open keep-alive connections too, as a crashed service would
            server = HttpServer.create().host("127.0.0.1").port(port)
                    .channelGroup(new DefaultChannelGroup(GlobalEventExecutor.INSTANCE))
                    .handle(this::answer).bindNow();
            port = server.port();
        }
    }

    synchronized void down() {
        disturbed = true;
        if (server != null) {
            server.disposeNow();
            server = null;
        }
    }

    /** From now until {@link #up()}, every request is taken and never answered, as by a stalled or cold instance. */
    void stall() {
        stalled = true;
        disturbed = true;
    }

    /** Whether it was stopped or stalled since it was last brought {@link #up()}. */
    boolean disturbed() {
        return disturbed;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The requests that carried this marker in their path, query or {@code X-Request-Id}. */
    List<Seen> seenWith(String marker) {
        return seen.stream().filter(request -> request.path().contains(marker) || request.query().contains(marker)
                || marker.equals(request.header("X-Request-Id"))).toList();
    }

    private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        URI uri = URI.create(request.uri());
        String path = uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        Map<String, String> headers = request.requestHeaders().entries().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(), Map.Entry::getValue, (a, b) -> a + "," + b));
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(body -> {
            seen.add(new Seen(request.method().name(), path, query, headers, body));
            if (headers.containsKey("traceparent")) {
                response.header("traceparent", headers.get("traceparent"));
            }
            if (stalled || path.endsWith("/hang")) {
                return Mono.never();
            }
            if (path.contains("/flaky-") && flaky.computeIfAbsent(path + request.method(), key -> new AtomicInteger())
                    .getAndIncrement() == 0) {
                return json(response, HttpResponseStatus.SERVICE_UNAVAILABLE,
                        "{\"status\":503,\"title\":\"Service unavailable\"}");
            }
            if (path.contains("atlantis")) {
                return json(response, HttpResponseStatus.NOT_FOUND, "{\"status\":404,\"title\":\"Not found\"}");
            }
            return json(response, HttpResponseStatus.OK, body(request.method().name(), path, query));
        });
    }

    private String body(String method, String path, String query) {
        return switch (path) {
            case "/api/cities/bochum" -> "{\"slug\":\"bochum\",\"name\":\"Bochum\",\"claim\":\"Stadt der Hochschulen\"}";
            case "/api/cities/bochum/highlights" ->
                    "{\"items\":[{\"title\":\"Musikforum Ruhr\",\"image\":{\"url\":\"https://example.org/m.jpg\",\"alt\":\"Saal\"}}]}";
            case "/api/cities/bochum/articles" -> "{\"items\":[{\"slug\":\"univercity-bochum\",\"title\":\"UniverCity\"}],\"next\":null}";
            case "/api/events" -> "{\"items\":[{\"eventId\":\"e-1\",\"title\":\"Sinfoniekonzert\"}],\"next\":null}";
            case "/v3/api-docs" -> "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name + "-service\"}}";
            default -> "{\"service\":\"" + name + "\",\"method\":\"" + method + "\",\"path\":\"" + path + "\"}";
        };
    }

    private static Mono<Void> json(HttpServerResponse response, HttpResponseStatus status, String body) {
        return response.status(status).header("Content-Type", "application/json").sendString(Mono.just(body)).then();
    }
}
