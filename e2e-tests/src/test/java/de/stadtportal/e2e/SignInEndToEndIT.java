package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.stadtportal.launcher.FreePorts;
import de.stadtportal.launcher.LocalPlatform;
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
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Bochum editor signs in as a person does, through the platform's identity provider, and writes
 * with the token the sign-in gave: the public app {@code stadtportal-app} runs the authorization-code
 * flow with PKCE against a loopback redirect (RFC 8252), a browser without JavaScript (cookies kept,
 * redirects followed one by one) opens the login page and posts the form with its CSRF token, and the
 * app exchanges the code. Nothing of the flow is simulated: every step is the provider's answer.
 */
class SignInEndToEndIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String APP = "stadtportal-app";

    private static LocalPlatform platform;
    private static Gateway gateway;
    private static String accessToken;

    @BeforeAll
    static void theBochumEditorSignsIn() throws Exception {
        platform = RunningPlatform.get();
        gateway = new Gateway(platform.gatewayUrl());
        accessToken = new Browser(platform.issuer()).signIn("redaktion-bochum", RunningPlatform.editorPassword());
    }

    @Test
    void the_sign_in_gives_a_token_of_the_provider_for_the_person_with_the_editor_role_for_bochum() throws ParseException {
        JWTClaimsSet claims = SignedJWT.parse(accessToken).getJWTClaimsSet();

        assertThat(claims.getIssuer()).isEqualTo(platform.issuer());
        assertThat(claims.getSubject()).isEqualTo("redaktion-bochum");
        assertThat(claims.getAudience()).contains(LocalPlatform.AUDIENCE);
        assertThat(claims.getStringListClaim("roles")).containsExactly("editor");
        assertThat(claims.getStringListClaim("cities")).containsExactly("bochum");
    }

    @Test
    void the_signed_in_bochum_editor_creates_a_bochum_article_through_the_gateway() {
        String slug = "angemeldet-" + UUID.randomUUID().toString().substring(0, 8);

        Gateway.Answer created = gateway.send("POST", "/api/cities/bochum/articles", accessToken,
                NewArticle.of("Angemeldet geschrieben", slug), Map.of());

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(gateway.send("GET", "/api/cities/bochum/articles/" + slug, accessToken, null, Map.of()).status())
                .isEqualTo(200);
    }

    @Test
    void the_signed_in_bochum_editor_is_refused_for_dortmund_and_nothing_is_written() {
        String slug = "uebergriff-" + UUID.randomUUID().toString().substring(0, 8);

        Gateway.Answer refused = gateway.send("POST", "/api/cities/dortmund/articles", accessToken,
                NewArticle.of("Übergriff nach Dortmund", slug), Map.of());

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("status").asInt()).isEqualTo(403);
        assertThat(gateway.send("GET", "/api/cities/dortmund/articles/" + slug, platform.token("admin", "*"), null,
                Map.of()).status()).isEqualTo(404);
    }

    /**
     * The app and the browser: the browser keeps the provider's cookies and stops at every redirect;
     * the app keeps the PKCE verifier and the state, and talks to the token endpoint itself.
     */
    private static final class Browser {

        private final String provider;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        Browser(String provider) {
            this.provider = provider;
        }

        /** Runs the whole flow and answers the access token. */
        String signIn(String username, String password) throws IOException, InterruptedException {
            String verifier = random();
            String state = random();
            String redirect = "http://127.0.0.1:" + FreePorts.pick() + "/callback";
            Map<String, String> authorize = new LinkedHashMap<>();
            authorize.put("response_type", "code");
            authorize.put("client_id", APP);
            authorize.put("redirect_uri", redirect);
            authorize.put("scope", "openid");
            authorize.put("state", state);
            authorize.put("code_challenge", challenge(verifier));
            authorize.put("code_challenge_method", "S256");

            HttpResponse<String> toLogin = get(provider + "/oauth2/authorize?" + form(authorize));
            assertThat(toLogin.statusCode()).as("authorize without a session sends to the login page").isEqualTo(302);
            URI loginPage = URI.create(provider).resolve(location(toLogin));
            assertThat(loginPage.getPath()).isEqualTo("/login");

            HttpResponse<String> page = get(loginPage.toString());
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher csrf = CSRF.matcher(page.body());
            assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();

            HttpResponse<String> signedIn = post(loginPage.toString(), Map.of("username", username,
                    "password", password, "_csrf", csrf.group(1)));
            assertThat(signedIn.statusCode()).as("the posted login form redirects").isEqualTo(302);
            assertThat(location(signedIn)).as("a successful sign-in").doesNotContain("error");

            HttpResponse<String> back = get(URI.create(provider).resolve(location(signedIn)).toString());
            assertThat(back.statusCode()).as("authorize after the sign-in sends to the app").isEqualTo(302);
            URI callback = URI.create(location(back));
            assertThat(callback.getScheme() + "://" + callback.getAuthority() + callback.getPath()).isEqualTo(redirect);
            Map<String, String> answer = query(callback.getRawQuery());
            assertThat(answer.get("state")).isEqualTo(state);
            assertThat(answer).containsKey("code");

            HttpResponse<String> tokens = post(provider + "/oauth2/token", Map.of("grant_type", "authorization_code",
                    "code", answer.get("code"), "redirect_uri", redirect, "client_id", APP, "code_verifier", verifier));
            assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
            JsonNode body = Gateway.JSON.readTree(tokens.body());
            assertThat(body.path("token_type").asString()).isEqualToIgnoringCase("Bearer");
            return body.path("access_token").asString();
        }

        private HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> post(String url, Map<String, String> fields) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String location(HttpResponse<?> response) {
            return response.headers().firstValue("Location").orElse("");
        }

        private static String form(Map<String, String> fields) {
            return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        }

        private static Map<String, String> query(String query) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            return values;
        }

        private static String random() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        private static String challenge(String verifier) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
