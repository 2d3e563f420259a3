package de.stadtportal.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the portal keeps, against a stand-in gateway that says how long its answers may be kept as
 * the platform does (lists {@code max-age=30}, single resources an ETag to revalidate), with the
 * caches' clock moved by the test: the API's answers within their max-age and rendered pages for
 * their few seconds are not read again, and are after that.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalCachingIT {

    static final FakeGateway GATEWAY = FakeGateway.withCaching();
    static final AtomicLong NANOS = new AtomicLong(1_000_000_000L);
    static final List<String> LISTS = List.of("/api/cities", "/api/cities/bochum/articles", "/api/events",
            "/api/events/categories");
    static final List<String> RESOURCES = List.of("/api/cities/bochum", "/api/cities/bochum/highlights");

    @LocalServerPort
    int port;

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {

        @Bean
        @Primary
        Ticker movableTicker() {
            return NANOS::get;
        }
    }

    @DynamicPropertySource
    static void portalInFrontOfTheFakeGateway(DynamicPropertyRegistry properties) {
        properties.add("stadtportal.portal.api-url", GATEWAY::url);
        properties.add("stadtportal.portal.part-timeout", () -> "1s");
        properties.add("stadtportal.portal.cache.page-ttl", () -> "5s");
    }

    @AfterEach
    void everythingUpAndEverythingStale() {
        GATEWAY.allUp();
        later(Duration.ofMinutes(1));
    }

    @Test
    void a_second_page_view_within_max_age_reads_no_list_again_and_only_revalidates_the_city_and_after_it_reads_them_again() {
        view("/bochum?besuch=1", null);
        Map<String, Integer> first = reads();
        assertThat(first.values()).allMatch(count -> count > 0);
        long confirmed = GATEWAY.notModified("/api/cities/bochum");

        later(Duration.ofSeconds(20));
        view("/bochum?besuch=2", null);

        Map<String, Integer> second = reads();
        LISTS.forEach(list -> assertThat(second.get(list)).as(list).isEqualTo(first.get(list)));
        RESOURCES.forEach(resource -> assertThat(second.get(resource)).as(resource).isEqualTo(first.get(resource) + 1));
        assertThat(GATEWAY.notModified("/api/cities/bochum")).isEqualTo(confirmed + 1);
        assertThat(GATEWAY.notModified("/api/cities/bochum/highlights")).isPositive();

        later(Duration.ofSeconds(11));
        view("/bochum?besuch=3", null);

        Map<String, Integer> third = reads();
        assertThat(third.get("/api/cities")).isEqualTo(first.get("/api/cities") + 1);
        assertThat(third.get("/api/events")).isEqualTo(first.get("/api/events") + 1);
        assertThat(third.get("/api/events/categories")).isEqualTo(first.get("/api/events/categories") + 1);
        assertThat(third.get("/api/cities/bochum/articles")).isEqualTo(first.get("/api/cities/bochum/articles") + 3);
    }

    @Test
    void a_rendered_page_is_served_again_for_its_few_seconds_without_any_read_and_rendered_anew_after_them() {
        EntityExchangeResult<String> rendered = view("/bochum", null);
        int requests = GATEWAY.requests();

        later(Duration.ofSeconds(4));
        EntityExchangeResult<String> kept = view("/bochum", null);
        client().head().uri("/bochum").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=60, public");

        assertThat(GATEWAY.requests()).isEqualTo(requests);
        assertThat(kept.getResponseBody()).isEqualTo(rendered.getResponseBody());
        assertThat(kept.getResponseHeaders().getCacheControl()).isEqualTo("max-age=60, public");
        assertThat(kept.getResponseHeaders().getFirst(HttpHeaders.AGE)).isEqualTo("4");

        later(Duration.ofSeconds(2));
        view("/bochum", null);

        assertThat(GATEWAY.requests()).isGreaterThan(requests);
    }

    @Test
    void a_visitor_with_a_cookie_gets_a_page_rendered_for_them() {
        view("/bochum?besuch=keks", null);
        int requests = GATEWAY.requests();

        view("/bochum?besuch=keks", "STADTPORTAL_DESK=abc");

        assertThat(GATEWAY.requests()).isGreaterThan(requests);
    }

    @Test
    void a_page_missing_a_part_and_the_failed_read_are_not_kept() {
        GATEWAY.down("/api/events");
        int before = GATEWAY.seen("/api/events").size();

        assertThat(Jsoup.parse(view("/bochum?kategorie=fuehrung", null).getResponseBody())
                .select("#veranstaltungen .unavailable")).hasSize(1);
        assertThat(Jsoup.parse(view("/bochum?kategorie=fuehrung", null).getResponseBody())
                .select("#veranstaltungen .unavailable")).hasSize(1);
        assertThat(GATEWAY.seen("/api/events")).hasSize(before + 2);

        GATEWAY.allUp();
        EntityExchangeResult<String> healed = view("/bochum?kategorie=fuehrung", null);

        assertThat(Jsoup.parse(healed.getResponseBody()).select(".unavailable")).isEmpty();
        assertThat(healed.getResponseHeaders().getCacheControl()).isEqualTo("max-age=60, public");
    }

    private EntityExchangeResult<String> view(String path, String cookie) {
        WebTestClient.RequestHeadersSpec<?> request = client().get().uri(path).accept(MediaType.TEXT_HTML);
        if (cookie != null) {
            request = request.header(HttpHeaders.COOKIE, cookie);
        }
        return request.exchange().expectStatus().isOk().expectBody(String.class).returnResult();
    }

    private static Map<String, Integer> reads() {
        return Stream.concat(LISTS.stream(), RESOURCES.stream())
                .collect(Collectors.toMap(path -> path, path -> GATEWAY.seen(path).size()));
    }

    private static void later(Duration duration) {
        NANOS.addAndGet(duration.toNanos());
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10))
                .build();
    }
}
