package de.stadtportal.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from an OpenID Connect provider by client credentials, as a script gets them: the
 * client's id and secret, and scopes that narrow what its configuration allows ({@code editor
 * city:bochum}, {@code admin}; see docs/identity-service.md). Public so tests can ask a second,
 * independently configured provider the same way.
 */
public final class ProviderTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param issuer the provider's base URL ({@code http://localhost:8085}); its token endpoint is {@code /oauth2/token} */
    public ProviderTokens(String issuer, String clientId, String clientSecret) {
        this.tokenEndpoint = URI.create(issuer + "/oauth2/token");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** The scopes for a role and cities (comma-separated; {@code *} for every city). */
    public static String scopes(String role, String cities) {
        List<String> scopes = new ArrayList<>(List.of(role));
        for (String city : cities.split(",")) {
            if (!city.isBlank()) {
                scopes.add("city:" + city.trim());
            }
        }
        return String.join(" ", scopes);
    }

    /** A token with the given scopes; a refusal of the provider is a {@link LaunchException} naming its error. */
    public String token(String scopes) {
        String form = "grant_type=client_credentials&scope=" + URLEncoder.encode(scopes, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (encode(clientId) + ":" + encode(clientSecret)).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new LaunchException("the identity provider at " + tokenEndpoint + " does not answer (" + reason
                    + "); is ./stadtportal up running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while asking " + tokenEndpoint + " for a token");
        }
        JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
            throw new LaunchException("the identity provider refused a token for '" + scopes + "': "
                    + response.statusCode() + " " + body.path("error").asString("") + " "
                    + body.path("error_description").asString(""));
        }
        return body.get("access_token").asString();
    }

    /** RFC 6749 2.3.1: id and secret are form-encoded before Basic. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
