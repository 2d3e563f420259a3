package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.launcher.LocalPlatform;
import de.stadtportal.launcher.ProviderTokens;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The services trust whichever OpenID Connect provider they are pointed at, not the platform's own
 * by nature: a second provider, configured independently (its own database, keys, key password,
 * client secret, issuer and audience), and a content service that verifies through that provider's
 * JWK set URI, issuer and audience, as a deployment on a city's Keycloak would. The second provider's
 * token writes there; the platform's own provider's token is refused there, and the second provider's
 * token is refused by the platform.
 */
class ExternalProviderIT {

    private static final String AUDIENCE = "kommune-portal";
    private static final String SECRET = "kommune-" + UUID.randomUUID();

    private static LocalPlatform platform;
    private static String otherProvider;
    /** The second provider's tokens, by client credentials of its own machine client. */
    private static ProviderTokens otherTokens;
    private static Gateway otherContent;

    @BeforeAll
    static void aContentServiceOnAnotherProvider() {
        platform = RunningPlatform.get();
        Map<String, String> provider = new HashMap<>();
        provider.put("STADTPORTAL_IDENTITY_AUDIENCE", AUDIENCE);
        provider.put("STADTPORTAL_IDENTITY_KEY_PASSWORD", "kommune-keys-" + UUID.randomUUID());
        provider.put("STADTPORTAL_IDENTITY_KEYS_SALT", "00112233aabbccdd");
        provider.put("STADTPORTAL_CLI_CLIENT_SECRET", "{noop}" + SECRET);
        // none of the platform's own machine clients, none of its passwords
        provider.put("SPRING_APPLICATION_JSON", "{}");
        provider.put("STADTPORTAL_ADMIN_PASSWORD", "kommune-admin-" + UUID.randomUUID());
        provider.put("STADTPORTAL_EDITOR_PASSWORD", "kommune-redaktion-" + UUID.randomUUID());
        otherProvider = platform.startAnother("identity-kommune", "identity-service", "identity_kommune", provider);
        otherTokens = new ProviderTokens(otherProvider, LocalPlatform.CLI_CLIENT, SECRET);

        Map<String, String> content = new HashMap<>();
        content.put("STADTPORTAL_SECURITY_JWT_JWK_SET_URI", otherProvider + "/oauth2/jwks");
        content.put("STADTPORTAL_SECURITY_JWT_ISSUER", otherProvider);
        content.put("STADTPORTAL_SECURITY_JWT_AUDIENCE", AUDIENCE);
        // its writes stay in its own outbox and its own consumer group: the platform's search never sees them
        content.put("STADTPORTAL_MESSAGING_OUTBOX_RELAYENABLED", "false");
        content.put("SPRING_KAFKA_CONSUMER_GROUP_ID", "content-kommune");
        otherContent = Gateway.outsideTheApi(platform.startAnother("content-kommune", "content-service",
                "content_kommune", content));
    }

    @AfterAll
    static void stopBoth() {
        platform.stopService("content-kommune");
        platform.stopService("identity-kommune");
    }

    @Test
    void the_other_providers_editor_token_writes_to_the_content_service_that_trusts_it() {
        String token = otherTokens.token("editor city:bochum");

        Gateway.Answer created = otherContent.send("POST", "/api/cities/bochum/articles", token,
                article("Kommunal angemeldet"), Map.of());

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    }

    @Test
    void the_platforms_own_token_is_refused_there_with_401_and_nothing_is_written() {
        Map<String, Object> article = article("Vom falschen Anbieter");

        Gateway.Answer refused = otherContent.send("POST", "/api/cities/bochum/articles",
                platform.token("editor", "bochum"), article, Map.of());

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(otherContent.get("/api/cities/bochum/articles/" + article.get("slug")).status()).isEqualTo(404);
    }

    @Test
    void the_other_providers_token_is_refused_by_the_platform_with_401() {
        String token = otherTokens.token("admin");

        Gateway.Answer refused = new Gateway(platform.gatewayUrl()).send("POST", "/api/cities/bochum/articles", token,
                article("Von außen"), Map.of());

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(401);
    }

    private static Map<String, Object> article(String title) {
        return NewArticle.of(title, "anbieter-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
