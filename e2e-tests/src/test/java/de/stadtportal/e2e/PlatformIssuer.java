package de.stadtportal.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.stadtportal.launcher.IdentitySecrets;
import de.stadtportal.launcher.LocalPlatform;
import de.stadtportal.testing.security.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.security.crypto.encrypt.Encryptors;

/**
 * The running platform's identity provider, taken over through its signing key so that the tests can
 * mint what the provider never hands out: tokens the platform must refuse (expired, from another
 * issuer, signed by a stranger, without a role). The key is the provider's real signing key, read
 * from its {@code signing_key} table and decrypted with the password and salt the platform gave it
 * (AES-GCM as the provider stores it), and every token names it by its {@code kid}, so that a token
 * is refused only for what its test changed. Every token has a subject of its own, so no test shares
 * the gateway's per-subject rate-limit budget with another and a 429 never judges the input.
 */
final class PlatformIssuer {

    static final String AUDIENCE = LocalPlatform.AUDIENCE;

    private final String issuer;
    private final RSAKey key;

    private PlatformIssuer(String issuer, RSAKey key) {
        this.issuer = issuer;
        this.key = key;
    }

    /** The provider of {@code platform}, with the key it signs with now. */
    static PlatformIssuer of(LocalPlatform platform) {
        IdentitySecrets secrets = platform.identitySecrets();
        try (Connection identity = platform.database("identity"); Statement statement = identity.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT jwk FROM signing_key WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1")) {
            if (!row.next()) {
                throw new IllegalStateException("the provider has no signing key");
            }
            String jwk = Encryptors.delux(secrets.keyPassword(), secrets.keySalt()).decrypt(row.getString("jwk"));
            return new PlatformIssuer(platform.issuer(), RSAKey.parse(jwk));
        } catch (SQLException | ParseException e) {
            throw new IllegalStateException("the provider's signing key cannot be read", e);
        }
    }

    /** The {@code iss} of the provider's tokens, which every service requires. */
    String issuer() {
        return issuer;
    }

    String editorOf(String city) {
        return sign(List.of("editor"), List.of(city), issuer, Instant.now(), Duration.ofHours(1));
    }

    String admin() {
        return sign(List.of("admin"), List.of("*"), issuer, Instant.now(), Duration.ofHours(1));
    }

    /** Valid in every way but that it names no role. */
    String withoutRole(String city) {
        return sign(List.of(), List.of(city), issuer, Instant.now(), Duration.ofHours(1));
    }

    /** An editor's token that ran out an hour ago (well past any clock skew the services allow). */
    String expiredEditorOf(String city) {
        return sign(List.of("editor"), List.of(city), issuer, Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1));
    }

    /** Signed with the provider's own key, but naming an issuer the platform does not trust. */
    String foreignIssuerEditorOf(String city) {
        return sign(List.of("editor"), List.of(city), "https://issuer.example.org/", Instant.now(),
                Duration.ofHours(1));
    }

    /** The provider's issuer and claims, signed with a key the platform has never seen. */
    String badSignatureEditorOf(String city) {
        return Tokens.builder().issuer(issuer).audience(AUDIENCE).roles("editor").cities(city).forged().sign();
    }

    /**
     * An admin's claims, signed with the provider's own key, with a change: a foreign audience, no
     * {@code aud}, no {@code iss}, and the like. Only the change can make the platform refuse it.
     */
    String adminWith(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return sign(change.apply(claims(List.of("admin"), List.of("*"), issuer, now, Duration.ofHours(1))).build());
    }

    /** An admin's claims as the provider issues them, in a token that has no signature ({@code alg: none}). */
    String unsignedAdmin() {
        return adminClaims().unsigned();
    }

    /** An admin's claims signed HS256 with {@code secret}, for example the provider's public key, which anyone may read. */
    String hmacSignedAdmin(byte[] secret) {
        return adminClaims().hmacSigned(secret);
    }

    /** An admin's claims as the provider issues them, signed with a key the platform has never seen. */
    String strangerSignedAdmin() {
        return adminClaims().forged().sign();
    }

    /** The provider's signing key's public part as PEM, as anyone can build it from the JWK set. */
    byte[] publicKeyPem() {
        try {
            PublicKey publicKey = key.toPublicKey();
            return Tokens.pem(publicKey).getBytes(StandardCharsets.US_ASCII);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private Tokens.Builder adminClaims() {
        return Tokens.builder().issuer(issuer).audience(AUDIENCE).roles("admin").cities("*")
                .subject("e2e-" + UUID.randomUUID());
    }

    private String sign(List<String> roles, List<String> cities, String issuer, Instant issuedAt, Duration lifetime) {
        return sign(claims(roles, cities, issuer, issuedAt, lifetime).build());
    }

    private static JWTClaimsSet.Builder claims(List<String> roles, List<String> cities, String issuer,
            Instant issuedAt, Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .subject("e2e-" + UUID.randomUUID())
                .issuer(issuer)
                .audience(AUDIENCE)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles)
                .claim("cities", cities);
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
