package de.stadtportal.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.stadtportal.testing.security.Tokens;
import de.stadtportal.web.WebTestApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service pointed at a provider that is not the platform's own: it signs with its own key, names
 * itself differently and keeps roles where Keycloak does ({@code realm_access.roles}) and cities in
 * a claim named by URL, as Auth0 wants custom claims named. Only the claim settings change.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class ExternalProviderClaimsIT {

    private static final String ISSUER = "https://login.example.org/realms/stadtportal";
    private static final String CITIES = "https://stadtportal.de/cities";
    private static final KeyPair PROVIDER = keyPair();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("stadtportal.security.jwt.public-key-location", () -> "file:" + publicKeyFile());
        registry.add("stadtportal.security.jwt.issuer", () -> ISSUER);
        registry.add("stadtportal.security.jwt.audience", () -> "stadtportal-api");
        registry.add("stadtportal.security.jwt.roles-claim", () -> "realm_access.roles");
        registry.add("stadtportal.security.jwt.cities-claim", () -> CITIES);
    }

    @Autowired WebTestClient web;

    @Test
    void an_editor_of_bochum_whose_roles_sit_where_keycloak_puts_them_may_write_to_bochum() {
        post("bochum", token(claims -> claims
                .claim("realm_access", Map.of("roles", List.of("editor", "offline_access")))
                .claim(CITIES, List.of("bochum"))))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Hallo");
    }

    @Test
    void the_same_editor_is_refused_for_dortmund() {
        post("dortmund", token(claims -> claims
                .claim("realm_access", Map.of("roles", List.of("editor")))
                .claim(CITIES, List.of("bochum"))))
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void roles_and_cities_under_the_platforms_own_names_count_for_nothing_here() {
        post("bochum", token(claims -> claims.claim("roles", List.of("admin")).claim("cities", List.of("*"))))
                .expectStatus().isForbidden();
    }

    @Test
    void a_token_of_the_platforms_own_provider_is_not_trusted_by_a_service_pointed_elsewhere() {
        post("bochum", Tokens.admin()).expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec post(String city, String token) {
        return web.post().uri("/api/cities/{city}/notes", city).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Hallo"))
                .exchange();
    }

    private static String token(UnaryOperator<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject("user-" + UUID.randomUUID())
                .issuer(ISSUER)
                .audience(List.of("account", "stadtportal-api"))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("external").build(),
                claims.apply(builder).build());
        try {
            jwt.sign(new RSASSASigner(PROVIDER.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static Path publicKeyFile() {
        try {
            Path file = Files.createTempFile("external-provider-", ".pem");
            Files.writeString(file, Tokens.pem(PROVIDER.getPublic()), StandardCharsets.US_ASCII);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
