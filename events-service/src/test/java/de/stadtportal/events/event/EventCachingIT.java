package de.stadtportal.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.events.EventsServiceIntegrationTest;
import de.stadtportal.events.Fixtures;
import de.stadtportal.testing.security.Tokens;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * What caches and clients are told about each answer, and where its links point: one event is
 * negotiated (JSON, JSON-LD, iCalendar), so it varies by {@code Accept}; public reads may be cached
 * (lists briefly, single resources revalidated by ETag), the feed revalidates by ETag too; an
 * editor's answers are never stored. Absolute links start with the configured public base URL
 * ({@code http://localhost:8080} by default), not with the host the request reached.
 */
class EventCachingIT extends EventsServiceIntegrationTest {

    private static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");
    private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar");
    private static final String PUBLIC_BASE_URL = "http://localhost:8080";

    private String city;
    private String id;

    @BeforeEach
    void setUp() {
        city = fixtures.knownCity(Fixtures.newCity("bochum"));
        String venue = fixtures.venue(city, "Bahnhof Langendreer", 51.4744, 7.3195);
        Map<String, Object> body = Fixtures.eventBody(city, venue, "Jazz im Bahnhof", "2027-03-12T20:00:00+01:00",
                "2027-03-12T23:00:00+01:00");
        body.remove("ticketUrl");
        id = fixtures.event(body);
    }

    @Test
    void each_representation_of_an_event_varies_by_accept_and_is_revalidated_by_its_etag() {
        for (MediaType type : new MediaType[] {MediaType.APPLICATION_JSON, LD_JSON, CALENDAR}) {
            HttpHeaders headers = web.get().uri("/api/events/{id}", id).accept(type).exchange()
                    .expectStatus().isOk()
                    .returnResult(String.class).getResponseHeaders();
            assertThat(headers.getVary()).as(type.toString()).contains(HttpHeaders.ACCEPT);
            assertThat(headers.getCacheControl()).as(type.toString()).isEqualTo("no-cache, public");

            web.get().uri("/api/events/{id}", id).accept(type).header(HttpHeaders.IF_NONE_MATCH, headers.getETag())
                    .exchange()
                    .expectStatus().isNotModified()
                    .expectHeader().valueEquals(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, public");
        }
    }

    @Test
    void lists_may_be_kept_briefly_and_errors_and_an_editors_answers_never() {
        web.get().uri("/api/events?city={city}&from=2027-03-01&to=2027-04-01", city).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=30, public");
        web.get().uri("/api/events/categories").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=30, public");
        web.get().uri("/api/events/{id}", "00000000-0000-4000-8000-000000000000").exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store, private");
        web.get().uri("/api/events/{id}", id).headers(h -> h.setBearerAuth(Tokens.editor(city))).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store, private");
        web.post().uri("/api/events/{id}/sold-out", id).headers(h -> h.setBearerAuth(Tokens.editor(city))).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store, private");
    }

    @Test
    void the_feed_has_an_etag_answers_304_to_it_and_a_new_one_after_a_change() {
        String uri = "/api/events/feed.ics?city=" + city;
        HttpHeaders first = web.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=300, public")
                .returnResult(String.class).getResponseHeaders();
        assertThat(first.getETag()).startsWith("\"feed-");

        web.get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, first.getETag()).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, first.getETag())
                .expectBody().isEmpty();

        web.post().uri("/api/events/{id}/cancellation", id).headers(h -> h.setBearerAuth(Tokens.editor(city)))
                .exchange().expectStatus().isOk();
        String second = web.get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, first.getETag()).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();
        assertThat(second).isNotEqualTo(first.getETag());
    }

    @Test
    void absolute_links_start_with_the_public_base_url_not_with_the_host_asked() {
        web.get().uri("/api/events/{id}", id).accept(LD_JSON).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$['@id']").isEqualTo(PUBLIC_BASE_URL + "/api/events/" + id);
        String ics = web.get().uri("/api/events/{id}", id).accept(CALENDAR).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(ics.replace("\r\n ", "")).contains("URL:" + PUBLIC_BASE_URL + "/api/events/" + id);
        String feed = web.get().uri("/api/events/feed.ics?city=" + city).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(feed.replace("\r\n ", "")).contains("URL:" + PUBLIC_BASE_URL + "/api/events/" + id);
    }
}
