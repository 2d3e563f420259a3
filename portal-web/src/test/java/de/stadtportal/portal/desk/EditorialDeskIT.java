package de.stadtportal.portal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.node.ObjectNode;

/**
 * The editorial desk with a real sign-in: the portal runs the authorization-code flow with PKCE
 * against a stand-in provider, keeps the tokens in the editor's session and writes through a
 * stand-in API with the editor's access token. Forms need their CSRF token; the API's refusals
 * appear next to their fields, in the editor's language; a lost race keeps the editor's text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EditorialDeskIT {

    static final FakeDeskPlatform PLATFORM = new FakeDeskPlatform();
    static final String BASE = "https://www.stadtportal.example";
    static final String COOKIE = "STADTPORTAL_DESK";

    @LocalServerPort
    int port;

    WebTestClient web;

    @DynamicPropertySource
    static void deskInFrontOfTheFakePlatform(DynamicPropertyRegistry properties) {
        properties.add("stadtportal.portal.api-url", PLATFORM::url);
        properties.add("stadtportal.portal.public-base-url", () -> BASE);
        properties.add("stadtportal.desk.issuer", PLATFORM::url);
        properties.add("stadtportal.desk.client-secret", () -> FakeDeskPlatform.SECRET);
    }

    @BeforeEach
    void client() {
        web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    @Test
    void a_desk_page_without_a_session_sends_the_browser_to_the_provider_with_pkce_and_the_public_callback() {
        EntityExchangeResult<byte[]> start = web.get().uri("/redaktion/bochum/artikel").accept(MediaType.TEXT_HTML)
                .exchange().expectStatus().isFound().expectBody().returnResult();
        assertThat(start.getResponseHeaders().getLocation()).hasToString("/oauth2/authorization/stadtportal");

        URI authorize = web.get().uri("/oauth2/authorization/stadtportal").exchange().expectStatus().isFound()
                .expectBody().returnResult().getResponseHeaders().getLocation();

        assertThat(authorize.toString()).startsWith(PLATFORM.url() + "/oauth2/authorize?")
                .contains("client_id=portal-web", "code_challenge_method=S256", "code_challenge=", "nonce=",
                        "redirect_uri=https://www.stadtportal.example/login/oauth2/code/stadtportal");
    }

    @Test
    void a_signed_in_editor_is_offered_only_their_cities_in_a_session_scripts_cannot_read() {
        Session editor = signIn("redaktion-bochum", List.of("bochum"));

        EntityExchangeResult<String> start = editor.get("/redaktion", 200);
        Document page = Jsoup.parse(start.getResponseBody());

        assertThat(page.select(".desk-cities a").eachText()).containsExactly("Bochum");
        assertThat(page.select(".sign-out").text()).contains("redaktion-bochum");
        assertThat(start.getResponseHeaders().getCacheControl()).contains("no-store");
        ResponseCookie cookie = editor.cookie;
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
    }

    @Test
    void an_editor_writes_a_draft_and_schedules_it_with_their_own_token() throws Exception {
        Session editor = signIn("redaktion-bochum", List.of("bochum"));
        Document blank = editor.page("/redaktion/bochum/artikel/neu", 200);

        EntityExchangeResult<String> created = editor.post("/redaktion/bochum/artikel", form(blank,
                Map.of("title", "Neues aus dem Musikforum", "topic", "leben", "summary", "Kurz gesagt.",
                        "body", "Ein **Text**.", "tags", "musik, kultur", "slug", "neues-aus-dem-musikforum")));
        assertThat(created.getStatus().is3xxRedirection()).isTrue();
        assertThat(created.getResponseHeaders().getLocation())
                .hasToString("/redaktion/bochum/artikel/neues-aus-dem-musikforum?gespeichert");
        List<FakeDeskPlatform.Seen> writes = PLATFORM.seen().stream().filter(seen -> seen.method().equals("POST"))
                .toList();
        FakeDeskPlatform.Seen write = writes.get(writes.size() - 1);
        assertThat(SignedJWT.parse(write.bearer()).getJWTClaimsSet().getSubject()).isEqualTo("redaktion-bochum");
        assertThat(write.body()).contains("\"tags\":[\"musik\",\"kultur\"]", "\"locale\":\"de\"");

        Document edit = editor.page("/redaktion/bochum/artikel/neues-aus-dem-musikforum?gespeichert", 200);
        assertThat(edit.select(".saved").text()).isEqualTo("Gespeichert.");
        assertThat(edit.select(".desk-status strong").text()).isEqualTo("Entwurf");
        EntityExchangeResult<String> scheduled = editor.post(
                "/redaktion/bochum/artikel/neues-aus-dem-musikforum/veroeffentlichung?sprache=de",
                form(edit, ".desk-publish", Map.of("zeitpunkt", "2030-01-01T10:00")));
        assertThat(scheduled.getStatus().is3xxRedirection()).as(scheduled.getResponseBody()).isTrue();

        assertThat(PLATFORM.article("bochum", "de", "neues-aus-dem-musikforum").get("publishAt").asString())
                .isEqualTo("2030-01-01T10:00+01:00");
        Document list = editor.page("/redaktion/bochum/artikel", 200);
        assertThat(list.select("ul.scheduled li a").eachText()).contains("Neues aus dem Musikforum");
        assertThat(list.select("ul.scheduled li:contains(Neues aus dem Musikforum) small").text())
                .as("city time, as the editor set it").isEqualTo("geplant für 01.01.2030 10:00");
        assertThat(list.select("ul.drafts li a").eachText()).doesNotContain("Neues aus dem Musikforum");
    }

    @Test
    void the_preview_shows_the_body_as_the_platform_renders_it_keeps_the_form_and_saves_nothing() {
        Session editor = signIn("redaktion-bochum", List.of("bochum"));
        long writes = PLATFORM.seen().stream().filter(seen -> seen.path().endsWith("/articles")).count();

        Document page = Jsoup.parse(editor.post("/redaktion/bochum/artikel", form(
                editor.page("/redaktion/bochum/artikel/neu", 200), Map.of("title", "Vorschau-Probe", "topic", "leben",
                        "body", "Ein **fettes** Wort <script>", "vorschau", "1"))).getResponseBody());

        assertThat(page.select(".desk-preview strong").text()).isEqualTo("fettes");
        assertThat(page.select(".desk-preview script")).isEmpty();
        assertThat(page.select("#title").val()).isEqualTo("Vorschau-Probe");
        assertThat(page.select("#body").text()).isEqualTo("Ein **fettes** Wort <script>");
        assertThat(PLATFORM.seen().stream().filter(seen -> seen.path().endsWith("/articles")).count())
                .isEqualTo(writes);
    }

    @Test
    void a_weekly_event_is_created_from_the_recurrence_form_as_a_rule_with_its_exceptions() {
        Session editor = signIn("redaktion-bochum", List.of("bochum"));
        Document blank = editor.page("/redaktion/bochum/veranstaltungen/neu", 200);
        assertThat(blank.select("#venueId option").eachText()).as("none chosen until the editor chooses")
                .containsExactly("– Ort wählen –", "Musikforum Ruhr");

        EntityExchangeResult<String> created = editor.post("/redaktion/bochum/veranstaltungen", event(blank,
                List.of("TUESDAY", "THURSDAY")));

        String location = created.getResponseHeaders().getLocation().toString();
        assertThat(location).matches("/redaktion/bochum/veranstaltungen/neu\\?angelegt=[0-9a-f-]{36}");
        String id = location.substring(location.indexOf('=') + 1);
        List<FakeDeskPlatform.Seen> events = PLATFORM.seen().stream()
                .filter(seen -> seen.method().equals("POST") && seen.path().equals("/api/events")).toList();
        assertThat(events.get(events.size() - 1).body())
                .contains("\"rrule\":\"FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20270204T225959Z\"")
                .contains("\"exdates\":[\"2027-01-19T19:30", "\"start\":\"2027-01-07T19:30", "\"category\":\"konzert\"");
        assertThat(editor.page("/redaktion/bochum/veranstaltungen/neu?angelegt=" + id, 200)
                .select(".saved a").attr("href")).isEqualTo("/bochum/veranstaltungen/" + id);
    }

    @Test
    void a_recurrence_without_a_weekday_is_refused_next_to_the_days_and_nothing_is_sent() {
        Session editor = signIn("redaktion-bochum", List.of("bochum"));
        long sent = PLATFORM.seen().stream().filter(seen -> seen.path().equals("/api/events")).count();

        Document page = Jsoup.parse(editor.post("/redaktion/bochum/veranstaltungen",
                event(editor.page("/redaktion/bochum/veranstaltungen/neu", 200), List.of())).getResponseBody());

        assertThat(page.select("#tage-error").text()).isEqualTo("mindestens einen Wochentag wählen");
        assertThat(page.select("#title").val()).isEqualTo("Abendkonzert");
        assertThat(PLATFORM.seen().stream().filter(seen -> seen.path().equals("/api/events")).count()).isEqualTo(sent);
    }

    /** A weekly concert every other week from Thursday 7 January 2027, on {@code days}, except 19 January. */
    private static MultiValueMap<String, String> event(Document page, List<String> days) {
        MultiValueMap<String, String> fields = form(page, Map.of("title", "Abendkonzert", "category", "konzert",
                "venueId", "9a2b0000-0000-4000-8000-000000000001", "start", "2027-01-07T19:30",
                "end", "2027-01-07T21:30", "wiederholen", "1", "wochen", "2", "bis", "2027-02-04",
                "ausser", "2027-01-19"));
        fields.put("tage", days);
        return fields;
    }

    @Test
    void a_form_without_its_csrf_token_is_refused_and_nothing_reaches_the_api() {
        Session editor = signIn("redaktion-bochum", List.of("bochum"));
        long writes = PLATFORM.seen().stream().filter(seen -> seen.method().equals("POST")).count();

        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("title", "Ohne Token");
        fields.add("topic", "leben");
        web.post().uri("/redaktion/bochum/artikel").cookie(COOKIE, editor.cookie.getValue())
                .body(BodyInserters.fromFormData(fields)).exchange().expectStatus().isForbidden();

        assertThat(PLATFORM.seen().stream().filter(seen -> seen.method().equals("POST")).count()).isEqualTo(writes);
    }

    @Test
    void a_refused_field_is_explained_next_to_it_in_german_and_in_english_and_the_rest_is_kept() {
        Session editor = signIn("redaktion-bochum", List.of("bochum"));
        Map<String, String> noTitle = Map.of("title", " ", "topic", "leben", "body", "Mein Text bleibt.");

        Document german = Jsoup.parse(editor.post("/redaktion/bochum/artikel",
                form(editor.page("/redaktion/bochum/artikel/neu", 200), noTitle)).getResponseBody());
        editor.language = "en";
        Document english = Jsoup.parse(editor.post("/redaktion/bochum/artikel",
                form(editor.page("/redaktion/bochum/artikel/neu", 200), noTitle)).getResponseBody());

        assertThat(german.select("#title-error").text()).isEqualTo("darf nicht leer sein");
        assertThat(german.select("#title").attr("aria-describedby")).isEqualTo("title-error");
        assertThat(german.select("#body").text()).isEqualTo("Mein Text bleibt.");
        assertThat(english.select("#title-error").text()).isEqualTo("must not be blank");
        assertThat(english.select("label[for=title]").text()).isEqualTo("Title");
        assertThat(english.select("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void an_edit_that_lost_a_race_shows_both_versions_keeps_the_editors_text_and_saves_it_when_sent_again() {
        Session editor = signIn("redaktion-bochum", List.of("bochum"));
        editor.post("/redaktion/bochum/artikel", form(editor.page("/redaktion/bochum/artikel/neu", 200),
                Map.of("title", "Zechenfest", "topic", "leben", "body", "Erste Fassung.", "slug", "zechenfest")));
        Document opened = editor.page("/redaktion/bochum/artikel/zechenfest", 200);
        PLATFORM.changedMeanwhile("bochum", "zechenfest", "Zechenfest 2027", "Ihre Fassung.");

        EntityExchangeResult<String> lost = editor.post("/redaktion/bochum/artikel/zechenfest?sprache=de",
                form(opened, ".desk-form", Map.of("title", "Zechenfest am Samstag", "body", "Meine Fassung.")));
        Document page = Jsoup.parse(lost.getResponseBody());

        assertThat(lost.getStatus().value()).isEqualTo(409);
        assertThat(page.select(".conflict").text()).contains("Ihr Text steht unverändert im Formular");
        assertThat(page.select("#title").val()).isEqualTo("Zechenfest am Samstag");
        assertThat(page.select("#body").text()).isEqualTo("Meine Fassung.");
        assertThat(page.select(".theirs h3").text()).isEqualTo("Zechenfest 2027");
        assertThat(page.select(".theirs-body").text()).isEqualTo("Ihre Fassung.");

        editor.post("/redaktion/bochum/artikel/zechenfest?sprache=de", form(page, ".desk-form", Map.of()));
        ObjectNode saved = PLATFORM.article("bochum", "de", "zechenfest");
        assertThat(saved.get("title").asString()).isEqualTo("Zechenfest am Samstag");
        assertThat(saved.get("body").asString()).isEqualTo("Meine Fassung.");
    }

    @Test
    void an_editor_of_dortmund_is_shown_the_refusal_for_bochums_drafts() {
        Session dortmund = signIn("redaktion-dortmund", List.of("dortmund"));

        Document page = dortmund.page("/redaktion/bochum/artikel", 403);

        assertThat(page.select(".refusal").text()).isEqualTo(
                "Diese Stadt gehört nicht zu Ihren Städten. Die Plattform hat den Zugriff abgelehnt; nichts wurde geändert.");
        assertThat(page.select(".desk-list")).isEmpty();
        assertThat(dortmund.page("/redaktion", 200).select(".desk-cities a").eachText()).containsExactly("Dortmund");
    }

    @Test
    void visitor_pages_open_no_session_and_keep_their_caching() {
        EntityExchangeResult<byte[]> robots = web.get().uri("/robots.txt").exchange().expectStatus().isOk()
                .expectBody().returnResult();

        assertThat(robots.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(robots.getResponseHeaders().getCacheControl()).doesNotContain("no-store").contains("max-age");
    }

    @Test
    void signing_out_ends_the_desk_session_and_the_providers() {
        Session editor = signIn("redaktion-bochum", List.of("bochum"));
        Document start = editor.page("/redaktion", 200);

        EntityExchangeResult<String> out = editor.post("/logout", form(start, ".sign-out", Map.of()));

        assertThat(out.getResponseHeaders().getLocation().toString()).startsWith(PLATFORM.url() + "/connect/logout?")
                .contains("id_token_hint=", "post_logout_redirect_uri=https://www.stadtportal.example/");
        web.get().uri("/redaktion").cookie(COOKIE, editor.cookie.getValue()).exchange().expectStatus().isFound()
                .expectHeader().location("/oauth2/authorization/stadtportal");
    }

    /** Runs the whole sign-in as a browser would, and answers the signed-in session. */
    private Session signIn(String subject, List<String> cities) {
        PLATFORM.nextSignIn(subject, cities);
        Session browser = new Session();
        browser.redirect("/redaktion");
        URI authorize = browser.redirect("/oauth2/authorization/stadtportal");
        URI callback;
        try {
            HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(authorize).build(),
                    HttpResponse.BodyHandlers.discarding());
            callback = URI.create(answer.headers().firstValue("Location").orElseThrow());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        URI back = browser.redirect(callback.getRawPath() + "?" + callback.getRawQuery());
        assertThat(back).hasToString("/redaktion");
        return browser;
    }

    private static MultiValueMap<String, String> form(Document page, Map<String, String> values) {
        return form(page, "form.desk-form", values);
    }

    /** The fields of the form as the page has them (CSRF token included), with {@code values} typed in. */
    private static MultiValueMap<String, String> form(Document page, String selector, Map<String, String> values) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        page.select(selector).first().select("input[name], textarea[name], select[name]").forEach(field -> {
            if (field.attr("type").equals("checkbox") && !field.hasAttr("checked")) {
                return;
            }
            String value = field.tagName().equals("select") ? field.select("option[selected]").val() : field.val();
            fields.add(field.attr("name"), value);
        });
        values.forEach(fields::set);
        return fields;
    }

    /** A browser's session at the desk: its cookie, kept as the portal renews it, and its language. */
    private final class Session {

        ResponseCookie cookie;
        String language = "de";

        URI redirect(String uri) {
            EntityExchangeResult<byte[]> answer = with(web.get().uri(at(uri))).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isFound()
                    .expectBody().returnResult();
            keep(answer.getResponseCookies().getFirst(COOKIE));
            return answer.getResponseHeaders().getLocation();
        }

        EntityExchangeResult<String> get(String uri, int status) {
            EntityExchangeResult<String> answer = with(web.get().uri(at(uri))).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isEqualTo(status).expectBody(String.class).returnResult();
            keep(answer.getResponseCookies().getFirst(COOKIE));
            return answer;
        }

        Document page(String uri, int status) {
            return Jsoup.parse(get(uri, status).getResponseBody());
        }

        EntityExchangeResult<String> post(String uri, MultiValueMap<String, String> fields) {
            EntityExchangeResult<String> answer = with(web.post().uri(at(uri))).accept(MediaType.TEXT_HTML)
                    .body(BodyInserters.fromFormData(fields)).exchange().expectBody(String.class).returnResult();
            keep(answer.getResponseCookies().getFirst(COOKIE));
            return answer;
        }

        /** The path and query as they are, already encoded (a state ends in {@code %3D}). */
        private URI at(String uri) {
            return URI.create("http://localhost:" + port + uri);
        }

        private <S extends WebTestClient.RequestHeadersSpec<?>> S with(S request) {
            if (cookie != null) {
                request.cookie(COOKIE, cookie.getValue());
            }
            request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
            return request;
        }

        private void keep(ResponseCookie renewed) {
            if (renewed != null && !renewed.getValue().isEmpty()) {
                cookie = renewed;
            }
        }
    }
}
