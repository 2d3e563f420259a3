package de.stadtportal.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The portal's pages rendered from answers in the API's shapes, served by a stand-in for the
 * gateway: what a visitor sees, what search engines read, and how a page lives through a backend
 * being away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalPagesIT {

    static final FakeGateway GATEWAY = new FakeGateway();
    static final String BASE = "https://www.stadtportal.example";
    static final String EVENT = "6f1c0000-0000-4000-8000-000000000001";
    static final String VENUE = "9a2b0000-0000-4000-8000-000000000001";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void portalInFrontOfTheFakeGateway(DynamicPropertyRegistry properties) {
        properties.add("stadtportal.portal.api-url", GATEWAY::url);
        properties.add("stadtportal.portal.public-base-url", () -> BASE);
        properties.add("stadtportal.portal.part-timeout", () -> "1s");
        // these pages are viewed again with a backend taken down in between: no rendered page kept (PageCachingIT)
        properties.add("stadtportal.portal.cache.page-ttl", () -> "0s");
    }

    @AfterEach
    void everythingUpAgain() {
        GATEWAY.allUp();
    }

    @Test
    void the_city_page_shows_the_portrait_the_highlights_the_three_topics_the_next_events_and_the_other_cities() {
        Document page = page("/bochum", 200);

        assertThat(page.select("h1")).singleElement().extracting(Element::text)
                .isEqualTo("Bochum – Die Ermöglicherstadt");
        assertThat(page.select(".motto").text()).isEqualTo("Wissen, Wandel, Wir-Gefühl");
        assertThat(page.select(".facts dt").eachText()).containsExactly("Hochschulen", "Rang als Hochschulstadt");
        assertThat(page.select("[data-carousel] .slide")).hasSize(2);
        assertThat(page.select("[data-carousel] .slide a").eachAttr("href"))
                .containsExactly("/bochum/orte/" + VENUE, "/bochum/artikel/univercity-bochum");
        assertThat(page.select(".topic h3").eachText()).containsExactly("Arbeiten", "Business", "Leben");
        assertThat(page.select(".teaser h4 a").eachText())
                .containsExactly("UniverCity Bochum", "Start-up-City Bochum", "Großstadt mit Lebensgefühl");
        assertThat(page.select("#veranstaltungen .events li")).hasSize(3);
        assertThat(page.select(".cards .card h3").eachText()).containsExactly("Dortmund", "Herne");
        assertThat(page.select(".unavailable")).isEmpty();
    }

    @Test
    void the_portal_passes_the_visitors_address_on_to_the_api_as_a_proxy_does() {
        client().get().uri("/bochum").header("X-Forwarded-For", "203.0.113.7").exchange().expectStatus().isOk();

        assertThat(GATEWAY.forwardedFor("/api/cities/bochum")).isEqualTo("203.0.113.7, 127.0.0.1");
        assertThat(GATEWAY.forwardedFor("/api/events")).isEqualTo("203.0.113.7, 127.0.0.1");

        client().get().uri("/bochum/artikel/univercity-bochum").exchange().expectStatus().isOk();

        assertThat(GATEWAY.forwardedFor("/api/cities/bochum/articles/univercity-bochum")).isEqualTo("127.0.0.1");
    }

    @Test
    void a_javascript_url_from_the_api_never_becomes_a_link_or_an_image() {
        Document page = page("/bochum", 200);

        assertThat(page.select("a[href^=javascript], img[src^=javascript]")).isEmpty();
        assertThat(page.select(".slide-title").eachText()).doesNotContain("Ein Link, der keiner sein darf");
    }

    @Test
    void markup_in_an_api_text_is_shown_as_text() {
        Document page = page("/bochum", 200);

        assertThat(page.select(".teaser .subtitle").eachText()).contains("Gründen <b>mit</b> Wissen");
        assertThat(page.select(".teaser b")).isEmpty();
    }

    @Test
    void the_event_category_filter_is_sent_to_the_api_and_stays_chosen() {
        Document page = page("/bochum?kategorie=konzert", 200);

        assertThat(GATEWAY.seen("/api/events")).last().satisfies(uri -> assertThat(uri.getQuery())
                .contains("category=konzert").contains("city=bochum"));
        assertThat(page.select("#kategorie option[selected]").attr("value")).isEqualTo("konzert");
        assertThat(page.select("label[for=kategorie]").text()).isEqualTo("Kategorie");
    }

    @Test
    void with_the_events_service_down_the_city_page_is_served_and_only_its_events_block_says_so() {
        GATEWAY.down("/api/events");

        EntityExchangeResult<String> answer = get("/bochum", 200);
        Document page = Jsoup.parse(answer.getResponseBody());

        assertThat(page.select("#veranstaltungen .unavailable").text())
                .isEqualTo("Veranstaltungen sind gerade nicht erreichbar.");
        assertThat(page.select(".unavailable")).hasSize(1);
        assertThat(page.select(".teaser")).hasSize(3);
        assertThat(page.select("h1").text()).isEqualTo("Bochum – Die Ermöglicherstadt");
        assertThat(answer.getResponseHeaders().getCacheControl()).isEqualTo("max-age=5, public");
    }

    @Test
    void with_the_content_service_down_the_city_page_is_a_503_that_keeps_the_frame() {
        GATEWAY.down("/api/cities");

        EntityExchangeResult<String> answer = get("/bochum", 503);
        Document page = Jsoup.parse(answer.getResponseBody());

        assertThat(page.select("h1").text()).isEqualTo("Gerade nicht erreichbar");
        assertFrame(page);
        assertThat(answer.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
    }

    @Test
    void an_unknown_city_and_an_unknown_path_are_404_pages_in_the_frame() {
        for (String path : List.of("/atlantis", "/bochum/artikel/gibt-es-nicht", "/gibt/es/nicht")) {
            Document page = page(path, 404);
            assertThat(page.select("h1").text()).as(path).isEqualTo("Seite nicht gefunden");
            assertFrame(page);
        }
    }

    @Test
    void a_client_that_reads_only_json_gets_a_problem_document_for_a_missing_page() {
        client().get().uri("/actuator/health").accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void an_article_shows_the_platforms_html_and_links_its_other_language() {
        Document page = page("/bochum/artikel/univercity-bochum", 200);

        assertThat(page.select("h1").text()).isEqualTo("UniverCity Bochum");
        assertThat(page.select(".body strong").text()).isEqualTo("neun Hochschulen");
        assertThat(page.select("link[rel=alternate][hreflang]").eachAttr("hreflang")).containsExactly("de", "en");
        assertThat(page.select("link[hreflang=en]").attr("href"))
                .isEqualTo(BASE + "/bochum/artikel/univercity-bochum?locale=en");
        assertThat(page.select("meta[property=og:type]").attr("content")).isEqualTo("article");

        Document english = page("/bochum/artikel/univercity-bochum?locale=en", 200);
        assertThat(english.select("html").attr("lang")).isEqualTo("en");
        assertThat(english.select(".body h2").text()).isEqualTo("Study, research, stay");
        assertThat(english.select("link[rel=canonical]").attr("href"))
                .isEqualTo(BASE + "/bochum/artikel/univercity-bochum?locale=en");
    }

    @Test
    void an_article_and_its_teaser_show_the_librarys_renditions_as_srcset_with_the_alt_text() {
        String media = "https://www.stadtportal.example/api/media/5d0c0000-0000-4000-8000-000000000001/";
        Document article = page("/bochum/artikel/univercity-bochum", 200);

        Element hero = article.select("article figure.hero picture img").first();
        assertThat(hero).isNotNull();
        assertThat(hero.attr("src")).isEqualTo(media + "1600.jpg");
        assertThat(hero.attr("srcset")).startsWith(media + "320.jpg 320w, ").endsWith(media + "1600.jpg 1600w");
        assertThat(hero.attr("sizes")).isNotBlank();
        assertThat(hero.attr("alt")).isEqualTo("Studierende vor dem Audimax der Ruhr-Universität");
        assertThat(hero.attr("width") + "x" + hero.attr("height")).isEqualTo("1600x1067");
        assertThat(article.select("article figure.hero picture source[type=image/webp]").attr("srcset"))
                .contains(media + "640.webp 640w");

        Document city = page("/bochum", 200);
        Element teaser = city.select(".teaser picture img").first();
        assertThat(teaser).isNotNull();
        assertThat(teaser.attr("srcset")).contains(media + "1024.jpg 1024w");
        assertThat(teaser.attr("alt")).isEqualTo("Studierende vor dem Audimax der Ruhr-Universität");
        assertThat(teaser.attr("loading")).isEqualTo("lazy");
    }

    @Test
    void a_srcset_with_a_url_that_is_not_http_is_left_out_and_the_image_stays() {
        Document city = page("/bochum", 200);

        assertThat(city.select("[srcset*=javascript]")).isEmpty();
        assertThat(city.select(".teaser img[alt=Gründerinnen im Coworking-Space]")).singleElement()
                .satisfies(image -> assertThat(image.hasAttr("srcset")).isFalse());
    }

    @Test
    void the_calendar_marks_cancelled_and_rescheduled_events_and_pages_with_the_apis_cursor() {
        Document page = page("/bochum/veranstaltungen?von=2026-12-01&kostenlos=1", 200);

        assertThat(page.select(".events li")).hasSize(3);
        assertThat(page.select(".events li.cancelled .status").text()).isEqualTo("Abgesagt");
        assertThat(page.select(".events .status").eachText()).containsExactly("Abgesagt", "Neuer Termin");
        assertThat(page.select("a[rel=next]").attr("href"))
                .isEqualTo("/bochum/veranstaltungen?von=2026-12-01&kostenlos=1&cursor=c2Vjb25kLXBhZ2U");
        assertThat(GATEWAY.seen("/api/events")).last().satisfies(uri -> assertThat(uri.getQuery())
                .contains("from=2026-12-01").contains("free=true"));
        assertThat(page.select("input#von").attr("value")).isEqualTo("2026-12-01");
    }

    @Test
    void a_date_that_is_not_a_date_is_left_out_and_said_so() {
        Document page = page("/bochum/veranstaltungen?von=morgen", 200);

        assertThat(page.select(".unavailable").text()).contains("Datum war nicht lesbar");
        assertThat(GATEWAY.seen("/api/events")).last().satisfies(uri -> assertThat(uri.getQuery()).doesNotContain("from="));
    }

    @Test
    void an_event_page_embeds_the_platforms_json_ld_safely_and_offers_its_calendar_entry() {
        Document page = page("/bochum/veranstaltungen/" + EVENT, 200);

        Element jsonLd = page.selectFirst("script[type=application/ld+json]");
        assertThat(jsonLd).isNotNull();
        assertThat(jsonLd.data()).contains("\"@type\":\"Event\"").doesNotContain("</script>");
        assertThat(page.select("script:not([type=application/ld+json]):not([src])")).isEmpty();
        assertThat(page.select(".actions a[download]").attr("href"))
                .isEqualTo("/bochum/veranstaltungen/" + EVENT + "/kalender.ics");

        EntityExchangeResult<String> calendar = get("/bochum/veranstaltungen/" + EVENT + "/kalender.ics", 200);
        assertThat(calendar.getResponseHeaders().getContentType().toString()).startsWith("text/calendar");
        assertThat(calendar.getResponseBody()).contains("BEGIN:VEVENT");
    }

    @Test
    void a_venue_page_shows_the_address_and_the_coming_events() {
        Document page = page("/bochum/orte/" + VENUE, 200);

        assertThat(page.select("h1").text()).isEqualTo("Anneliese Brost Musikforum Ruhr");
        assertThat(page.select("address").text()).contains("Marienplatz 1").contains("44787 Bochum");
        assertThat(page.select(".events li")).hasSize(3);
    }

    @Test
    void search_shows_hits_with_only_their_mark_as_markup_facets_and_the_next_page() {
        Document page = page("/suche?q=Musikforum&stadt=bochum", 200);

        Element first = page.selectFirst(".hit .snippet");
        assertThat(first.select("mark").text()).isEqualTo("Musikforum");
        assertThat(first.select("script, img")).isEmpty();
        assertThat(first.text()).contains("& die Symphoniker <script>alert(1)</script>");
        assertThat(page.select(".hit h3 a").eachAttr("href"))
                .containsExactly("/bochum/orte/" + VENUE, "/bochum/veranstaltungen/" + EVENT);
        assertThat(page.select(".facets a").eachText()).contains("Orte (1)", "Veranstaltungen (1)");
        assertThat(page.select("a[rel=next]").attr("href")).isEqualTo("/suche?q=Musikforum&stadt=bochum&cursor=bmV4dA");
        assertThat(GATEWAY.seen("/api/search")).last().satisfies(uri -> assertThat(uri.getQuery())
                .contains("q=Musikforum").contains("city=bochum"));
    }

    @Test
    void the_search_fields_offer_the_platforms_suggestions_to_the_script_and_still_work_as_a_plain_form() {
        client().get().uri("/suche/vorschlaege?q=musik&stadt=bochum").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "max-age=30, public")
                .expectBody().jsonPath("$.suggestions[0]").isEqualTo("Anneliese Brost Musikforum Ruhr")
                .jsonPath("$.suggestions.length()").isEqualTo(3);
        assertThat(GATEWAY.seen("/api/search/suggest")).last().satisfies(uri -> assertThat(uri.getQuery())
                .contains("q=musik").contains("city=bochum"));

        Document page = page("/suche", 200);
        for (Element field : page.select("input[data-suggest]")) {
            assertThat(field.attr("name")).isEqualTo("q");
            assertThat(field.closest("form").attr("action")).isEqualTo("/suche");
            assertThat(field.closest("form").attr("method")).isEqualTo("get");
            assertThat(page.select("label[for=" + field.id() + "]")).hasSize(1);
        }
        assertThat(page.select("input[data-suggest]")).hasSize(2);
    }

    @Test
    void nothing_typed_or_search_down_is_no_suggestion_rather_than_an_error() {
        client().get().uri("/suche/vorschlaege?q=").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.suggestions").isEmpty();

        GATEWAY.down("/api/search");
        client().get().uri("/suche/vorschlaege?q=musik").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "max-age=5, public")
                .expectBody().jsonPath("$.suggestions").isEmpty();
    }

    @Test
    void with_search_down_the_search_page_says_so_in_the_frame() {
        GATEWAY.down("/api/search");

        Document page = page("/suche?q=Musikforum", 200);

        assertThat(page.select(".unavailable").text()).isEqualTo("Die Suche ist gerade nicht erreichbar.");
        assertFrame(page);
    }

    @Test
    void every_page_has_one_h1_a_skip_link_landmarks_a_description_and_a_canonical_url() {
        for (String path : List.of("/", "/bochum", "/bochum/artikel/univercity-bochum", "/bochum/veranstaltungen",
                "/bochum/veranstaltungen/" + EVENT, "/bochum/orte/" + VENUE, "/suche?q=Musikforum")) {
            Document page = page(path, 200);
            assertThat(page.select("h1")).as(path).hasSize(1);
            assertFrame(page);
            assertThat(page.select("meta[name=description]").attr("content")).as(path).isNotBlank();
            assertThat(page.select("link[rel=canonical]").attr("href")).as(path).startsWith(BASE + "/");
            assertThat(page.select("meta[property=og:title]").attr("content")).as(path).isNotBlank();
            assertThat(page.select("title").text()).as(path).endsWith("| Stadtportal");
            for (Element field : page.select("input:not([type=hidden]), select")) {
                assertThat(page.select("label[for=" + field.id() + "]")).as(path + " label of " + field).isNotEmpty();
            }
        }
    }

    @Test
    void each_kind_of_page_says_how_long_caches_may_keep_it() {
        assertThat(get("/bochum", 200).getResponseHeaders().getCacheControl()).isEqualTo("max-age=60, public");
        assertThat(get("/bochum/artikel/univercity-bochum", 200).getResponseHeaders().getCacheControl())
                .isEqualTo("max-age=300, public");
        assertThat(get("/suche?q=Musikforum", 200).getResponseHeaders().getCacheControl())
                .isEqualTo("max-age=30, public");
        assertThat(get("/atlantis", 404).getResponseHeaders().getCacheControl()).isEqualTo("max-age=60, public");
        assertThat(get("/assets/portal.css", 200).getResponseHeaders().getCacheControl()).contains("max-age=3600");
    }

    @Test
    void the_sitemap_lists_cities_articles_and_venues_and_each_city_has_an_atom_feed() {
        EntityExchangeResult<String> sitemap = get("/sitemap.xml", 200);
        assertThat(sitemap.getResponseHeaders().getContentType().toString()).startsWith("application/xml");
        Document urls = Jsoup.parse(sitemap.getResponseBody(), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(urls.select("url > loc").eachText()).contains(BASE + "/", BASE + "/bochum", BASE + "/dortmund",
                BASE + "/bochum/artikel/univercity-bochum", BASE + "/bochum/orte/" + VENUE);

        EntityExchangeResult<String> feed = get("/bochum/feed.atom", 200);
        assertThat(feed.getResponseHeaders().getContentType().toString()).startsWith("application/atom+xml");
        Document atom = Jsoup.parse(feed.getResponseBody(), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(atom.select("feed > title").text()).isEqualTo("Bochum – Die Ermöglicherstadt");
        assertThat(atom.select("entry > link").attr("href")).isEqualTo(BASE + "/bochum/artikel/univercity-bochum");
    }

    @Test
    void the_page_needs_no_more_than_a_few_kilobytes_of_script() {
        EntityExchangeResult<String> script = get("/assets/portal.js", 200);
        assertThat(script.getResponseBody().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThan(6 * 1024);
    }

    private static void assertFrame(Document page) {
        assertThat(page.select("a.skip-link[href=#inhalt]")).hasSize(1);
        assertThat(page.select("header.site-header")).hasSize(1);
        assertThat(page.select("main#inhalt")).hasSize(1);
        assertThat(page.select("footer.site-footer")).hasSize(1);
        assertThat(page.select("nav[aria-label]")).isNotEmpty();
        assertThat(page.select("html").attr("lang")).isNotBlank();
    }

    private Document page(String path, int status) {
        return Jsoup.parse(get(path, status).getResponseBody());
    }

    private EntityExchangeResult<String> get(String path, int status) {
        return client().get().uri(path).accept(MediaType.TEXT_HTML, MediaType.ALL).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult();
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(20)).build();
    }
}
