package de.stadtportal.portal.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import de.stadtportal.portal.CacheSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class PageCacheTest {

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final Ticker ticker = nanos::get;
    final PageCache cache = new PageCache(new CacheSettings(DataSize.ofMegabytes(1), Duration.ofMinutes(10),
            Duration.ofSeconds(5), DataSize.ofMegabytes(1)), ticker);
    final AtomicInteger renders = new AtomicInteger();

    @Test
    void a_public_page_is_kept_for_the_configured_seconds_and_says_its_age() {
        WebFilterChain page = render(Caching.CITY, response -> {
        });

        assertThat(body(get("/bochum"), page)).isEqualTo("page 1");
        later(Duration.ofSeconds(4));
        MockServerWebExchange again = get("/bochum");
        assertThat(body(again, page)).isEqualTo("page 1");
        assertThat(again.getResponse().getHeaders().getCacheControl()).isEqualTo(Caching.CITY);
        assertThat(again.getResponse().getHeaders().getFirst(HttpHeaders.AGE)).isEqualTo("4");
        assertThat(again.getResponse().getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");

        later(Duration.ofSeconds(2));
        assertThat(body(get("/bochum"), page)).isEqualTo("page 2");
    }

    @Test
    void never_longer_than_the_pages_own_max_age() {
        WebFilterChain page = render("max-age=2, public", response -> {
        });

        body(get("/bochum"), page);
        later(Duration.ofSeconds(3));
        body(get("/bochum"), page);

        assertThat(renders).hasValue(2);
    }

    @Test
    void each_query_language_and_representation_has_its_own_page() {
        WebFilterChain page = render(Caching.CITY, response -> {
        });

        body(get("/bochum"), page);
        body(get("/bochum?kategorie=konzert"), page);
        body(exchange(MockServerHttpRequest.get("/bochum").header(HttpHeaders.ACCEPT_LANGUAGE, "en")), page);
        body(exchange(MockServerHttpRequest.get("/bochum").header(HttpHeaders.ACCEPT, "application/json")), page);

        assertThat(renders).hasValue(4);
    }

    @Test
    void degraded_private_unshared_erroneous_and_cookie_setting_pages_are_rendered_each_time() {
        List<WebFilterChain> pages = List.of(
                render(Caching.DEGRADED, response -> {
                }),
                render(Caching.NEVER, response -> {
                }),
                render("private, max-age=60", response -> {
                }),
                render("max-age=60", response -> {
                }),
                render("no-cache, public", response -> {
                }),
                render(Caching.CITY, response -> response.setStatusCode(HttpStatus.NOT_FOUND)),
                render(Caching.CITY, response -> response.addCookie(ResponseCookie.from("SESSION", "x").build())),
                render(Caching.CITY, response -> response.getHeaders().set(HttpHeaders.SET_COOKIE, "a=b")),
                render(Caching.CITY, response -> response.getHeaders().set(HttpHeaders.VARY, "Cookie")));
        for (WebFilterChain page : pages) {
            renders.set(0);
            body(get("/bochum"), page);
            body(get("/bochum"), page);
            assertThat(renders).hasValue(2);
        }
    }

    @Test
    void the_desk_its_sign_in_writes_and_requests_with_credentials_or_cookies_pass_by() {
        WebFilterChain page = render(Caching.CITY, response -> {
        });
        List<MockServerHttpRequest.BaseBuilder<?>> passing = List.of(
                MockServerHttpRequest.get("/redaktion"), MockServerHttpRequest.get("/redaktion/bochum/artikel"),
                MockServerHttpRequest.get("/login"), MockServerHttpRequest.get("/oauth2/authorization/stadtportal"),
                MockServerHttpRequest.get("/logout"),
                MockServerHttpRequest.get("/bochum").header(HttpHeaders.COOKIE, "STADTPORTAL_DESK=abc"),
                MockServerHttpRequest.get("/bochum").header(HttpHeaders.AUTHORIZATION, "Bearer t"),
                MockServerHttpRequest.get("/bochum").header(HttpHeaders.IF_NONE_MATCH, "\"x\""),
                MockServerHttpRequest.post("/bochum"));
        for (MockServerHttpRequest.BaseBuilder<?> request : passing) {
            renders.set(0);
            body(exchange(request), page);
            body(exchange(request), page);
            assertThat(renders).as(request.build().getPath().value()).hasValue(2);
        }
    }

    @Test
    void a_head_is_answered_from_a_kept_page_but_keeps_none_itself() {
        WebFilterChain page = render(Caching.CITY, response -> {
        });

        body(exchange(MockServerHttpRequest.head("/bochum")), page);
        body(get("/bochum"), page);
        MockServerWebExchange head = exchange(MockServerHttpRequest.head("/bochum"));
        cache.filter(head, page).block();

        assertThat(renders).hasValue(2);
        assertThat(head.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(head.getResponse().getHeaders().getCacheControl()).isEqualTo(Caching.CITY);
    }

    @Test
    void a_render_that_failed_is_not_kept() {
        WebFilterChain broken = exchange -> {
            renders.incrementAndGet();
            return Mono.error(new IllegalStateException("template"));
        };

        assertThatThrownBy(() -> cache.filter(get("/bochum"), broken).block()).hasMessage("template");
        assertThatThrownBy(() -> cache.filter(get("/bochum"), broken).block()).hasMessage("template");
        assertThat(renders).hasValue(2);
    }

    @Test
    void concurrent_requests_for_a_page_not_kept_wait_for_one_render() {
        Sinks.Empty<Void> templateDone = Sinks.empty();
        WebFilterChain slow = exchange -> templateDone.asMono().then(render(Caching.CITY, response -> {
        }).filter(exchange));
        MockServerWebExchange first = get("/bochum");
        MockServerWebExchange second = get("/bochum");

        Mono<Void> one = cache.filter(first, slow).cache();
        Mono<Void> two = cache.filter(second, slow).cache();
        one.subscribe();
        two.subscribe();
        templateDone.tryEmitEmpty();
        one.block();
        two.block();

        assertThat(renders).hasValue(1);
        assertThat(first.getResponse().getBodyAsString().block()).isEqualTo("page 1");
        assertThat(second.getResponse().getBodyAsString().block()).isEqualTo("page 1");
    }

    @Test
    void while_a_page_past_its_seconds_is_rendered_anew_the_others_get_the_kept_one_instead_of_waiting() {
        Sinks.Empty<Void> templateDone = Sinks.empty();
        WebFilterChain page = render(Caching.CITY, response -> {
        });
        WebFilterChain slow = exchange -> templateDone.asMono().then(page.filter(exchange));
        body(get("/bochum"), page);
        later(Duration.ofSeconds(6));
        MockServerWebExchange renewing = get("/bochum");

        Mono<Void> leader = cache.filter(renewing, slow).cache();
        leader.subscribe();
        MockServerWebExchange meanwhile = get("/bochum");
        assertThat(body(meanwhile, slow)).isEqualTo("page 1");
        assertThat(meanwhile.getResponse().getHeaders().getFirst(HttpHeaders.AGE)).isEqualTo("6");
        templateDone.tryEmitEmpty();
        leader.block();

        assertThat(renewing.getResponse().getBodyAsString().block()).isEqualTo("page 2");
        assertThat(body(get("/bochum"), page)).isEqualTo("page 2");
        assertThat(renders).hasValue(2);
    }

    @Test
    void a_waiting_request_renders_for_itself_when_the_page_is_not_one_to_keep() {
        Sinks.Empty<Void> templateDone = Sinks.empty();
        WebFilterChain slow = exchange -> templateDone.asMono().then(render(Caching.DEGRADED, response -> {
        }).filter(exchange));
        MockServerWebExchange first = get("/bochum");
        MockServerWebExchange second = get("/bochum");

        Mono<Void> one = cache.filter(first, slow).cache();
        Mono<Void> two = cache.filter(second, slow).cache();
        one.subscribe();
        two.subscribe();
        templateDone.tryEmitEmpty();
        one.block();
        two.block();

        assertThat(renders).hasValue(2);
        assertThat(second.getResponse().getBodyAsString().block()).isEqualTo("page 2");
    }

    /** A page handler: sets the page's headers, lets {@code also} change the answer, writes "page n". */
    private WebFilterChain render(String cacheControl, Consumer<ServerHttpResponse> also) {
        return exchange -> {
            int n = renders.incrementAndGet();
            ServerHttpResponse response = exchange.getResponse();
            response.getHeaders().set(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8");
            response.getHeaders().setCacheControl(cacheControl);
            also.accept(response);
            return response.writeWith(Mono.fromSupplier(
                    () -> response.bufferFactory().wrap(("page " + n).getBytes(StandardCharsets.UTF_8))));
        };
    }

    private String body(MockServerWebExchange exchange, WebFilterChain chain) {
        cache.filter(exchange, chain).block();
        return exchange.getResponse().getBodyAsString().block();
    }

    private static MockServerWebExchange get(String path) {
        return exchange(MockServerHttpRequest.get(path));
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request);
    }

    private void later(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
