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
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A browser at the desk, for the desk's tests: it signs in through the whole authorization-code
 * flow against the stand-in provider, keeps the session cookie as the portal renews it, asks in
 * its language, and fills in forms as a page has them (CSRF token included).
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
                .responseTimeout(Duration.ofSeconds(90)).build();
    }

    /** Signs in as {@code subject}, whose tokens name {@code cities}, and answers the signed-in browser. */
    static DeskBrowser signIn(int port, FakeDeskPlatform platform, String subject, List<String> cities) {
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

    /** Posts the form {@code selector} of {@code page} as a browser does, with {@code values} typed in. */
    EntityExchangeResult<String> submit(Document page, String selector, Map<String, String> values) {
        return post(page.select(selector).first().attr("action"), form(page, selector, values));
    }

    /** Sends the upload form of {@code page} as multipart, with {@code file} chosen and {@code values} typed in. */
    EntityExchangeResult<String> upload(Document page, byte[] file, String type, Map<String, String> values) {
        return sendUpload(page, file, type, values);
    }

    /** Sends the upload form of {@code page} as multipart with no file chosen, {@code values} typed in. */
    EntityExchangeResult<String> uploadNothing(Document page, Map<String, String> values) {
        return sendUpload(page, null, null, values);
    }

    private EntityExchangeResult<String> sendUpload(Document page, byte[] file, String type, Map<String, String> values) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        form(page, "form.desk-upload", values).forEach((name, given) -> given.forEach(value -> parts.part(name, value)));
        if (file != null) {
            parts.part("file", new ByteArrayResource(file) {
                @Override
                public String getFilename() {
                    return "foto.png";
                }
            }).contentType(MediaType.parseMediaType(type));
        }
        EntityExchangeResult<String> answer = with(web.post().uri(at(page.select("form.desk-upload").attr("action"))))
                .accept(MediaType.TEXT_HTML).body(BodyInserters.fromMultipartData(parts.build())).exchange()
                .expectBody(String.class).returnResult();
        keep(answer.getResponseCookies().getFirst(COOKIE));
        return answer;
    }

    /** The fields of the form as the page has them (CSRF token included), with {@code values} typed in. */
    static MultiValueMap<String, String> form(Document page, String selector, Map<String, String> values) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        page.select(selector).first().select("input[name], textarea[name], select[name]").forEach(field -> {
            if (field.attr("type").equals("checkbox") && !field.hasAttr("checked") || field.attr("type").equals("file")) {
                return;
            }
            String value = field.tagName().equals("select") ? field.select("option[selected]").val() : field.val();
            fields.add(field.attr("name"), value);
        });
        values.forEach(fields::set);
        return fields;
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
