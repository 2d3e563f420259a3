package de.stadtportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser without JavaScript: keeps cookies, follows redirects only when told (so a test sees where the
 * provider sends it), reads the CSRF token from the login page and posts forms. Also the app's side of
 * PKCE and the token endpoint.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String acceptLanguage;

    public Browser(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Another client on the same provider, sharing no cookies: the app's own HTTP client next to the browser. */
    public Browser fresh() {
        return new Browser(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)));
    }

    public Browser speaking(String language) {
        this.acceptLanguage = language;
        return this;
    }

    public HttpResponse<String> get(String pathOrUrl) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html");
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return send(request.GET().build());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    /** Opens the login page and posts name and password with the page's CSRF token; answers the redirect. */
    public HttpResponse<String> signIn(String username, String password) {
        HttpResponse<String> page = get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        return post("/login", Map.of("username", username, "password", password, "_csrf", csrf(page.body())));
    }

    /**
     * Runs the browser part of the authorization-code flow: authorize, login page, posted form, back to
     * authorize, and stops at the redirect to the client. Answers that last response.
     */
    public HttpResponse<String> authorize(Map<String, String> parameters, String username, String password) {
        HttpResponse<String> first = get("/oauth2/authorize?" + encode(parameters));
        if (first.statusCode() != 302 || !location(first).endsWith("/login")) {
            return first;
        }
        HttpResponse<String> signedIn = signIn(username, password);
        assertThat(signedIn.statusCode()).as("the posted login form redirects").isEqualTo(302);
        if (location(signedIn).contains("/login?error")) {
            return signedIn;
        }
        return get(location(signedIn));
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    public static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
        return matcher.group(1);
    }

    /** Posts to the token endpoint and answers status and JSON body. */
    public Answer token(Map<String, String> form, String basicUser, String basicPassword) {
        return client("/oauth2/token", form, basicUser, basicPassword);
    }

    /** Posts a form to one of the provider's client endpoints (token, revoke), as a client would. */
    public Answer client(String path, Map<String, String> form, String basicUser, String basicPassword) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (basicUser != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((basicUser + ":" + basicPassword).getBytes(StandardCharsets.UTF_8)));
        }
        return Answer.of(send(request.build()));
    }

    public Answer json(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Answer.of(send(request.build()));
    }

    public static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(parts[0], parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** A status with its body read as JSON (an empty map when there is none). */
    public record Answer(int status, String contentType, Map<String, Object> body, String raw) {

        @SuppressWarnings("unchecked")
        static Answer of(HttpResponse<String> response) {
            String raw = response.body();
            Map<String, Object> body = raw == null || raw.isBlank() || !raw.trim().startsWith("{") ? Map.of()
                    : JSON.readValue(raw, Map.class);
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
                    raw);
        }

        public String string(String field) {
            return (String) body.get(field);
        }
    }
}
