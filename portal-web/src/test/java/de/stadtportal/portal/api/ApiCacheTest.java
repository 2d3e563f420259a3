package de.stadtportal.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class ApiCacheTest {

    static final URI CITIES = URI.create("http://gateway/api/cities?limit=100");
    static final URI BOCHUM = URI.create("http://gateway/api/cities/bochum");

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final Ticker ticker = nanos::get;
    final ApiCache cache = new ApiCache(1024 * 1024, Duration.ofMinutes(10), ticker);
    final List<ClientRequest> sent = new CopyOnWriteArrayList<>();

    @Test
    void a_list_is_read_once_within_its_max_age_and_again_after_it() {
        Function<ClientRequest, Mono<ClientResponse>> api = request -> ok("[1]", "max-age=30, public");

        assertThat(read(CITIES, api)).isEqualTo("[1]");
        later(Duration.ofSeconds(29));
        assertThat(read(CITIES, api)).isEqualTo("[1]");
        assertThat(sent).hasSize(1);

        later(Duration.ofSeconds(2));
        assertThat(read(CITIES, api)).isEqualTo("[1]");
        assertThat(sent).hasSize(2);
    }

    @Test
    void a_resource_with_an_etag_is_revalidated_each_time_and_a_304_answered_from_the_cache() {
        Function<ClientRequest, Mono<ClientResponse>> api = request -> "\"v1\"".equals(
                request.headers().getFirst(HttpHeaders.IF_NONE_MATCH))
                        ? Mono.just(ClientResponse.create(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, "\"v1\"")
                                .header(HttpHeaders.CACHE_CONTROL, "no-cache, public").build())
                        : Mono.just(ClientResponse.create(HttpStatus.OK).header(HttpHeaders.ETAG, "\"v1\"")
                                .header(HttpHeaders.CACHE_CONTROL, "no-cache, public").body("{\"slug\":\"bochum\"}").build());

        assertThat(read(BOCHUM, api)).isEqualTo("{\"slug\":\"bochum\"}");
        assertThat(read(BOCHUM, api)).isEqualTo("{\"slug\":\"bochum\"}");
        later(Duration.ofMinutes(5));
        assertThat(read(BOCHUM, api)).isEqualTo("{\"slug\":\"bochum\"}");

        assertThat(sent).extracting(request -> request.headers().getFirst(HttpHeaders.IF_NONE_MATCH))
                .containsExactly(null, "\"v1\"", "\"v1\"");
    }

    @Test
    void a_changed_resource_replaces_the_kept_one() {
        AtomicLong version = new AtomicLong(1);
        Function<ClientRequest, Mono<ClientResponse>> api = request -> {
            String etag = "\"v" + version.get() + "\"";
            return etag.equals(request.headers().getFirst(HttpHeaders.IF_NONE_MATCH))
                    ? Mono.just(ClientResponse.create(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag).build())
                    : Mono.just(ClientResponse.create(HttpStatus.OK).header(HttpHeaders.ETAG, etag)
                            .header(HttpHeaders.CACHE_CONTROL, "no-cache").body("version " + version.get()).build());
        };

        assertThat(read(BOCHUM, api)).isEqualTo("version 1");
        version.set(2);
        assertThat(read(BOCHUM, api)).isEqualTo("version 2");
        assertThat(read(BOCHUM, api)).isEqualTo("version 2");
        assertThat(sent).extracting(request -> request.headers().getFirst(HttpHeaders.IF_NONE_MATCH))
                .containsExactly(null, "\"v1\"", "\"v2\"");
    }

    @Test
    void private_no_store_an_answer_without_the_header_and_one_varying_on_the_visitor_are_read_each_time() {
        for (String header : List.of("private, max-age=60", "no-store", "", "vary")) {
            sent.clear();
            Function<ClientRequest, Mono<ClientResponse>> api = request -> {
                ClientResponse.Builder answer = ClientResponse.create(HttpStatus.OK).body("x");
                if (header.equals("vary")) {
                    answer.header(HttpHeaders.CACHE_CONTROL, "public, max-age=60").header(HttpHeaders.VARY, "X-Forwarded-For");
                } else if (!header.isEmpty()) {
                    answer.header(HttpHeaders.CACHE_CONTROL, header);
                }
                return Mono.just(answer.build());
            };
            read(CITIES, api);
            read(CITIES, api);
            assertThat(sent).as(header).hasSize(2);
        }
        assertThat(cache.size()).isZero();
    }

    @Test
    void refusals_server_errors_and_failed_reads_are_never_kept() {
        for (HttpStatus status : List.of(HttpStatus.NOT_FOUND, HttpStatus.TOO_MANY_REQUESTS, HttpStatus.SERVICE_UNAVAILABLE)) {
            sent.clear();
            Function<ClientRequest, Mono<ClientResponse>> api = request -> Mono.just(ClientResponse.create(status)
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60").body("{}").build());
            assertThat(exchange(CITIES, api).statusCode()).isEqualTo(status);
            assertThat(exchange(CITIES, api).statusCode()).isEqualTo(status);
            assertThat(sent).as(status.toString()).hasSize(2);
        }

        Function<ClientRequest, Mono<ClientResponse>> broken = request -> Mono.error(new IOException("connection reset"));
        assertThatThrownBy(() -> read(CITIES, broken)).hasRootCauseInstanceOf(IOException.class);
        assertThat(read(CITIES, request -> ok("[1]", "max-age=30"))).isEqualTo("[1]");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void an_age_the_answer_already_has_is_taken_off_its_lifetime() {
        Function<ClientRequest, Mono<ClientResponse>> api = request -> Mono.just(ClientResponse.create(HttpStatus.OK)
                .header(HttpHeaders.CACHE_CONTROL, "max-age=30").header(HttpHeaders.AGE, "25").body("[1]").build());

        read(CITIES, api);
        later(Duration.ofSeconds(6));
        read(CITIES, api);

        assertThat(sent).hasSize(2);
    }

    @Test
    void each_accept_has_its_own_answer() {
        Function<ClientRequest, Mono<ClientResponse>> api = request -> ok(
                request.headers().getFirst(HttpHeaders.ACCEPT), "max-age=60");

        assertThat(read(BOCHUM, "application/json", api)).isEqualTo("application/json");
        assertThat(read(BOCHUM, "text/calendar", api)).isEqualTo("text/calendar");
        assertThat(read(BOCHUM, "application/json", api)).isEqualTo("application/json");
        assertThat(sent).hasSize(2);
    }

    @Test
    void reads_with_credentials_pass_by() {
        Function<ClientRequest, Mono<ClientResponse>> api = request -> ok("mine", "public, max-age=60");
        ClientRequest editor = ClientRequest.create(HttpMethod.GET, CITIES).header(HttpHeaders.AUTHORIZATION, "Bearer t")
                .build();

        cache.filter(editor, request -> record(request, api)).block();
        cache.filter(editor, request -> record(request, api)).block();

        assertThat(sent).hasSize(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void concurrent_reads_of_one_answer_share_one_request() {
        Sinks.One<ClientResponse> answer = Sinks.one();
        Function<ClientRequest, Mono<ClientResponse>> api = request -> answer.asMono();

        Mono<String> first = body(cache.filter(get(CITIES, "application/json"), request -> record(request, api))).cache();
        Mono<String> second = body(cache.filter(get(CITIES, "application/json"), request -> record(request, api))).cache();
        first.subscribe();
        second.subscribe();
        answer.tryEmitValue(ClientResponse.create(HttpStatus.OK).header(HttpHeaders.CACHE_CONTROL, "max-age=30")
                .body("[1]").build());

        assertThat(first.block()).isEqualTo("[1]");
        assertThat(second.block()).isEqualTo("[1]");
        assertThat(sent).hasSize(1);
    }

    @Test
    void who_waited_for_a_read_that_failed_reads_for_itself() {
        Sinks.One<ClientResponse> refused = Sinks.one();
        Function<ClientRequest, Mono<ClientResponse>> api = request -> sent.size() == 1 ? refused.asMono()
                : ok("[1]", "max-age=30");

        Mono<ClientResponse> first = cache.filter(get(CITIES, "application/json"), request -> record(request, api)).cache();
        Mono<String> second = body(cache.filter(get(CITIES, "application/json"), request -> record(request, api))).cache();
        first.subscribe();
        second.subscribe();
        refused.tryEmitValue(ClientResponse.create(HttpStatus.TOO_MANY_REQUESTS).body("{}").build());

        assertThat(first.block().statusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(second.block()).isEqualTo("[1]");
        assertThat(sent).hasSize(2);
    }

    private String read(URI uri, Function<ClientRequest, Mono<ClientResponse>> api) {
        return read(uri, "application/json", api);
    }

    private String read(URI uri, String accept, Function<ClientRequest, Mono<ClientResponse>> api) {
        return body(cache.filter(get(uri, accept), request -> record(request, api))).block();
    }

    private ClientResponse exchange(URI uri, Function<ClientRequest, Mono<ClientResponse>> api) {
        return cache.filter(get(uri, "application/json"), request -> record(request, api)).block();
    }

    private Mono<ClientResponse> record(ClientRequest request, Function<ClientRequest, Mono<ClientResponse>> api) {
        sent.add(request);
        return api.apply(request);
    }

    private static Mono<String> body(Mono<ClientResponse> response) {
        return response.flatMap(answer -> answer.bodyToMono(String.class));
    }

    private static ClientRequest get(URI uri, String accept) {
        return ClientRequest.create(HttpMethod.GET, uri).header(HttpHeaders.ACCEPT, accept)
                .header("X-Forwarded-For", "203.0.113.7").build();
    }

    private static Mono<ClientResponse> ok(String body, String cacheControl) {
        return Mono.just(ClientResponse.create(HttpStatus.OK).header(HttpHeaders.CACHE_CONTROL, cacheControl).body(body)
                .build());
    }

    private void later(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
