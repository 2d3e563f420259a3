package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.launcher.LocalPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The city portal as a visitor's browser meets it: through the gateway, rendered by portal-web from
 * the platform's public API with the demo data, each page in the site's frame.
 */
class PortalWebIT {

    private static final HttpClient BROWSER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private static LocalPlatform platform;

    @BeforeAll
    static void platform() {
        platform = RunningPlatform.get();
    }

    @Test
    void the_bochum_page_shows_the_demo_portrait_its_highlights_its_three_topics_and_the_next_events() {
        Document page = page("/bochum", 200);

        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("h1").text()).isEqualTo("Bochum – Die Ermöglicherstadt");
        assertThat(page.select(".motto").text()).isEqualTo("Wissen, Wandel, Wir-Gefühl");
        assertThat(page.select(".facts dt").eachText()).contains("Hochschulen");
        assertThat(page.select("[data-carousel] .slide")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(page.select(".topic h3").eachText()).containsExactly("Arbeiten", "Business", "Leben");
        // each topic leads with its newest article: the demo's, or one other tests of this JVM published since
        List<String> teasers = page.select(".teaser h4 a").eachText();
        Gateway gateway = new Gateway(platform.gatewayUrl());
        for (String topic : List.of("arbeiten", "business", "leben")) {
            String newest = gateway.get("/api/cities/bochum/articles?topic=" + topic + "&limit=1").body()
                    .path("items").get(0).path("title").asString();
            assertThat(teasers).as(topic).contains(newest);
        }
        assertThat(page.select("#veranstaltungen .events li")).isNotEmpty();
        assertThat(page.select(".cards h3").eachText()).contains("Dortmund");
        assertThat(page.select(".unavailable")).isEmpty();
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(platform.gatewayUrl() + "/bochum");
    }

    @Test
    void the_start_page_shows_the_default_city_and_lists_the_others() {
        Document page = page("/", 200);

        assertThat(page.select("h1").text()).startsWith("Bochum");
        assertThat(page.select(".cards h3 a").eachAttr("href")).contains("/dortmund", "/essen");
    }

    @Test
    void an_article_page_shows_the_body_the_platform_rendered_and_links_its_english_version() {
        Document german = page("/bochum/artikel/univercity-bochum", 200);

        assertThat(german.select("h1").text()).isEqualTo("UniverCity Bochum");
        assertThat(german.select(".body h2")).isNotEmpty();
        assertThat(german.select("link[hreflang=en]").attr("href"))
                .isEqualTo(platform.gatewayUrl() + "/bochum/artikel/univercity-bochum?locale=en");

        Document english = page("/bochum/artikel/univercity-bochum?locale=en", 200);
        assertThat(english.select("html").attr("lang")).isEqualTo("en");
        assertThat(english.select(".subtitle").first().text()).isEqualTo("Where knowledge becomes work");
    }

    @Test
    void search_finds_the_musikforum_marks_the_match_and_links_to_the_portals_own_pages() {
        Document page = page("/suche?q=Musikforum&stadt=bochum", 200);

        assertThat(page.select(".hit")).isNotEmpty();
        assertThat(page.select(".hit .snippet mark")).isNotEmpty();
        assertThat(page.select(".hit h3 a").eachAttr("href")).allMatch(href -> href.startsWith("/bochum/"));
        assertThat(page.select(".facets a")).isNotEmpty();
    }

    @Test
    void an_event_page_found_through_the_calendar_embeds_schema_org_and_offers_its_ics() {
        Document calendar = page("/bochum/veranstaltungen?kategorie=konzert", 200);
        String event = calendar.select(".events li .what > a").first().attr("href");

        Document page = page(event, 200);
        assertThat(page.select("script[type=application/ld+json]").first().data()).contains("\"Event\"");
        HttpResponse<String> ics = get(event + "/kalender.ics", "text/calendar");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/calendar"));
        assertThat(ics.body()).contains("BEGIN:VEVENT");
    }

    @Test
    void a_missing_page_is_a_404_that_keeps_the_frame() {
        for (String path : new String[] {"/atlantis", "/bochum/artikel/gibt-es-nicht", "/gibt/es/nicht"}) {
            Document page = page(path, 404);
            assertThat(page.select("h1").text()).as(path).isEqualTo("Seite nicht gefunden");
            assertThat(page.select("a.skip-link, header.site-header, main#inhalt, footer.site-footer")).hasSize(4);
        }
    }

    @Test
    void the_sitemap_and_the_atom_feed_name_the_gateways_public_address() {
        assertThat(get("/sitemap.xml", "application/xml").body())
                .contains("<loc>" + platform.gatewayUrl() + "/bochum/artikel/univercity-bochum</loc>");
        assertThat(get("/bochum/feed.atom", "application/atom+xml").body()).contains("<entry>")
                .contains(platform.gatewayUrl() + "/bochum/artikel/");
    }

    @Test
    void with_the_events_service_stopped_the_city_page_is_served_and_only_its_events_say_they_are_away() {
        platform.stopService("events-service");
        try {
            // the portal keeps the events list it read for the list's max-age (30 s) and a rendered page a
            // few seconds: the notice appears once neither holds the events any more
            Document page = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> page("/bochum", 200), shown -> !shown.select("#veranstaltungen .unavailable").isEmpty());
            assertThat(page.select("#veranstaltungen .unavailable").text())
                    .isEqualTo("Veranstaltungen sind gerade nicht erreichbar.");
            assertThat(page.select(".teaser")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(page.select("h1").text()).isEqualTo("Bochum – Die Ermöglicherstadt");
        } finally {
            platform.restartService("events-service");
            // the gateway's breaker for events may be open: the next test starts once events answer again
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> get("/api/events?city=bochum", "application/json").statusCode() == 200);
        }
    }

    private static Document page(String path, int status) {
        HttpResponse<String> answer = get(path, "text/html");
        assertThat(answer.statusCode()).as(path).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).as(path)
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        return Jsoup.parse(answer.body());
    }

    static HttpResponse<String> get(String path, String accept) {
        try {
            return BROWSER.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path)).header("Accept", accept)
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
