package de.stadtportal.gateway.home;

import de.stadtportal.gateway.GatewayProperties;
import de.stadtportal.kernel.version.EntityTags;
import de.stadtportal.web.http.ETags;
import de.stadtportal.web.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a city home from four backend calls made at the same time. A part that times out, fails
 * or meets an open breaker becomes {@code null} and is named in {@code missing}; only a city that
 * does not exist makes the whole answer fail (404). The ETag is a digest of the answer, so a client
 * revalidates with {@code If-None-Match} and gets 304 while nothing changed.
 */
class CityHomeHandler {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final List<String> PASSED_ON = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT_LANGUAGE,
            "X-Request-Id");

    private final WebClient http;
    private final GatewayProperties properties;
    private final JsonMapper json;
    private final Map<String, ReactiveCircuitBreaker> breakers;

    CityHomeHandler(WebClient http, GatewayProperties properties, JsonMapper json,
            ReactiveCircuitBreakerFactory<?, ?> breakerFactory) {
        this.http = http;
        this.properties = properties;
        this.json = json;
        this.breakers = Map.of("content", breakerFactory.create("content"), "events", breakerFactory.create("events"));
    }

    Mono<ServerResponse> home(ServerRequest request) {
        String city = request.pathVariable("city");
        if (!SLUG.matcher(city).matches()) {
            return Mono.error(ApiProblem.notFound("There is no city '" + city + "'"));
        }
        return Flux.fromArray(HomePart.values())
                .flatMap(part -> fetch(part, city, request.headers().asHttpHeaders())
                        .map(body -> Map.entry(part, body)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(HomePart.class))
                .flatMap(parts -> answer(request, city, parts));
    }

    private Mono<Optional<JsonNode>> fetch(HomePart part, String city, HttpHeaders incoming) {
        Mono<Optional<JsonNode>> call = http.get().uri(part.uri(city))
                .accept(MediaType.APPLICATION_JSON)
                // the observed client adds the trace: each call is a span of the home request's trace
                .headers(headers -> PASSED_ON.forEach(name -> Optional.ofNullable(incoming.getFirst(name))
                        .ifPresent(value -> headers.set(name, value))))
                .retrieve()
                .bodyToMono(byte[].class)
                .map(bytes -> Optional.of(json.readTree(bytes)))
                .timeout(part.timeout(properties.home()));
        // a 404 is ignored by the breakers (see application.yml): asking for unknown cities opens nothing
        return breakers.get(part.backend())
                .run(call, error -> error instanceof WebClientResponseException.NotFound && part == HomePart.CITY
                        ? Mono.error(ApiProblem.notFound("There is no city '" + city + "'"))
                        : Mono.just(Optional.empty()));
    }

    private Mono<ServerResponse> answer(ServerRequest request, String city, Map<HomePart, Optional<JsonNode>> parts) {
        ObjectNode body = json.createObjectNode();
        List<String> missing = new ArrayList<>();
        for (HomePart part : HomePart.values()) {
            Optional<JsonNode> value = parts.getOrDefault(part, Optional.empty());
            if (value.isEmpty()) {
                missing.add(part.field());
                body.putNull(part.field());
            } else {
                JsonNode node = value.get();
                body.set(part.field(), part.list() && node.has("items") ? node.get("items") : node);
            }
        }
        body.put("partial", !missing.isEmpty());
        body.putArray("missing").addAll(missing.stream().map(json.getNodeFactory()::textNode).toList());
        byte[] bytes = json.writeValueAsBytes(body);
        String etag = EntityTags.of("home", city, digest(bytes));
        if (ETags.notModified(request.exchange().getRequest(), etag)) {
            return ServerResponse.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ServerResponse.ok().eTag(etag).contentType(MediaType.APPLICATION_JSON).bodyValue(bytes);
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
