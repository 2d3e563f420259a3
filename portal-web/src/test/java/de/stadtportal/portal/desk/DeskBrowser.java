package de.stadtportal.portal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * An editor's browser at the desk: signs in through the stand-in provider as a browser does (the
 * authorization-code flow with PKCE), keeps the session cookie as the portal renews it, asks for a
 * language, and fills in forms as the page has them, CSRF token included.
 */
final class DeskBrowser {

    static final String COOKIE = "STADTPORTAL_DESK";

    private final WebTestClient web;
    private final int port;
    private ResponseCookie cookie;
    String language = "de";

    private DeskBrowser(int port) {
        this.port = port;
        this.web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** Signs in as {@code subject}, whose tokens name {@code cities}, and answers the signed-in browser. */
    static DeskBrowser signIn(FakeDeskPlatform platform, int port, String subject, List<String> cities) {
        platform.nextSignIn(subject, cities);
        DeskBrowser browser = new DeskBrowser(port);
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
        assertThat(browser.redirect(callback.getRawPath() + "?" + callback.getRawQuery())).hasToString("/redaktion");
        return browser;
    }

    URI redirect(String uri) {
        EntityExchangeResult<byte[]> answer = with(web.get().uri(at(uri))).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound().expectBody().returnResult();
        keep(answer.getResponseCookies().getFirst(COOKIE));
        return answer.getResponseHeaders().getLocation();
    }

    Document page(String uri, int status) {
        EntityExchangeResult<String> answer = with(web.get().uri(at(uri))).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult();
        keep(answer.getResponseCookies().getFirst(COOKIE));
        return Jsoup.parse(answer.getResponseBody());
    }

    EntityExchangeResult<String> post(String uri, MultiValueMap<String, String> fields) {
        EntityExchangeResult<String> answer = with(web.post().uri(at(uri))).accept(MediaType.TEXT_HTML)
                .body(BodyInserters.fromFormData(fields)).exchange().expectBody(String.class).returnResult();
        keep(answer.getResponseCookies().getFirst(COOKIE));
        return answer;
    }

    /** Posts the form {@code selector} of {@code page} with {@code values} typed in, to where it points. */
    EntityExchangeResult<String> submit(Document page, String selector, Map<String, String> values) {
        return post(page.select(selector).first().attr("action"), form(page, selector, values));
    }

    /** The fields of the form as the page has them (CSRF token included), with {@code values} typed in. */
    static MultiValueMap<String, String> form(Document page, String selector, Map<String, String> values) {
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

    private URI at(String uri) {
        return URI.create(uri.startsWith("http") ? uri : "http://localhost:" + port + uri);
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
