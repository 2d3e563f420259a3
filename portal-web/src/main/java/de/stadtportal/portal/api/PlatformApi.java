package de.stadtportal.portal.api;

import com.github.benmanes.caffeine.cache.Ticker;
import de.stadtportal.portal.CacheSettings;
import de.stadtportal.portal.PortalProperties;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriBuilder;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The portal's only way to the platform: GETs against the gateway's public API. A 404 is an empty
 * answer (the page decides whether that is a 404 of its own), any other refusal too (a visitor's odd
 * filter is not an outage), and everything else that fails is {@link ApiUnavailable}. Query values
 * are always sent as URI variables, so what a visitor types is encoded, never spliced into the URI.
 * Answers are kept as their {@code Cache-Control} allows ({@link ApiCache}), so that most pages
 * read little or nothing from the platform.
 */
@Component
public class PlatformApi {

    private final WebClient client;

    public PlatformApi(PortalProperties properties, CacheSettings caching, Ticker ticker) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
                .responseTimeout(properties.partTimeout().plus(Duration.ofSeconds(1)));
        this.client = WebClient.builder().baseUrl(properties.apiUrl().toString())
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(2 * 1024 * 1024))
                .filter(PlatformApi::forVisitor)
                .filter(new ApiCache(caching.apiSize().toBytes(), caching.apiKeepForRevalidation(), ticker))
                .build();
    }

    /** A JSON resource at {@code path} (already safe: slugs and ids checked by the caller) with query values. */
    public <T> Mono<T> read(String path, Map<String, ?> query, Class<T> type) {
        return get(path, query, MediaType.APPLICATION_JSON).bodyToMono(type).onErrorResume(this::refusalIsEmpty)
                .onErrorMap(PlatformApi::isOutage, error -> new ApiUnavailable(path, error));
    }

    /** A JSON list or other generic shape. */
    public <T> Mono<T> read(String path, Map<String, ?> query, ParameterizedTypeReference<T> type) {
        return get(path, query, MediaType.APPLICATION_JSON).bodyToMono(type).onErrorResume(this::refusalIsEmpty)
                .onErrorMap(PlatformApi::isOutage, error -> new ApiUnavailable(path, error));
    }

    /** A resource as text in another representation the API offers (JSON-LD, iCalendar). */
    public Mono<String> text(String path, MediaType accept) {
        return get(path, Map.of(), accept).bodyToMono(String.class).onErrorResume(this::refusalIsEmpty)
                .onErrorMap(PlatformApi::isOutage, error -> new ApiUnavailable(path, error));
    }

    private WebClient.ResponseSpec get(String path, Map<String, ?> query, MediaType accept) {
        Map<String, Object> values = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                values.put(name, value);
            }
        });
        return client.get().uri(builder -> uri(builder.path(path), values)).accept(accept).retrieve();
    }

    /** Sends the visitor's address on, so that the gateway's rate limit counts the visitor, not the portal. */
    private static Mono<ClientResponse> forVisitor(ClientRequest request, ExchangeFunction next) {
        return Mono.deferContextual(context -> {
            String chain = VisitorAddress.of(context);
            return next.exchange(chain == null ? request
                    : ClientRequest.from(request).headers(headers -> headers.set(VisitorAddress.HEADER, chain)).build());
        });
    }

    private static URI uri(UriBuilder builder, Map<String, Object> values) {
        values.keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
        return builder.build(values);
    }

    private <T> Mono<T> refusalIsEmpty(Throwable error) {
        if (error instanceof WebClientResponseException answered && answered.getStatusCode().is4xxClientError()
                && answered.getStatusCode().value() != HttpStatus.TOO_MANY_REQUESTS.value()) {
            return Mono.empty();
        }
        return Mono.error(error);
    }

    private static boolean isOutage(Throwable error) {
        return !(error instanceof ApiUnavailable);
    }
}
