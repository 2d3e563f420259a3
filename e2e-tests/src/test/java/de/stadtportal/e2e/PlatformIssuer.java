package de.stadtportal.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.stadtportal.testing.security.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The running platform's token issuer, taken over from its key file so that the tests can mint what
 * {@code LocalPlatform#token} never hands out: tokens the platform must refuse (expired, from another
 * issuer, signed by a stranger, without a role). Every token has a subject of its own, so no test
 * shares the gateway's per-subject rate-limit budget with another and a 429 never judges the input.
 */
final class PlatformIssuer {

    static final String ISSUER = "https://stadtportal.local/issuer";
    static final String AUDIENCE = "stadtportal";

    private final PrivateKey key;

    private PlatformIssuer(PrivateKey key) {
        this.key = key;
    }

    /** The issuer of the platform whose data lives under {@code home}. */
    static PlatformIssuer of(Path home) {
        try {
            String pem = Files.readString(home.resolve("keys").resolve("private.pem"), StandardCharsets.US_ASCII);
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return new PlatformIssuer(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String editorOf(String city) {
        return sign(List.of("editor"), List.of(city), ISSUER, Instant.now(), Duration.ofHours(1));
    }

    String admin() {
        return sign(List.of("admin"), List.of("*"), ISSUER, Instant.now(), Duration.ofHours(1));
    }

    /** Valid in every way but that it names no role. */
    String withoutRole(String city) {
        return sign(List.of(), List.of(city), ISSUER, Instant.now(), Duration.ofHours(1));
    }

    /** An editor's token that ran out an hour ago (well past any clock skew the services allow). */
    String expiredEditorOf(String city) {
        return sign(List.of("editor"), List.of(city), ISSUER, Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1));
    }

    /** Signed with the platform's own key, but naming an issuer the platform does not trust. */
    String foreignIssuerEditorOf(String city) {
        return sign(List.of("editor"), List.of(city), "https://issuer.example.org/", Instant.now(),
                Duration.ofHours(1));
    }

    /** The platform's issuer and claims, signed with a key the platform has never seen. */
    static String badSignatureEditorOf(String city) {
        return Tokens.builder().issuer(ISSUER).audience(AUDIENCE).roles("editor").cities(city).forged().sign();
    }

    /**
     * An admin's claims, signed with the platform's own key, with a change: a foreign audience, no
     * {@code aud}, no {@code iss}, and the like. Only the change can make the platform refuse it.
     */
    String adminWith(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return sign(change.apply(claims(List.of("admin"), List.of("*"), ISSUER, now, Duration.ofHours(1))).build());
    }

    /** An admin's claims as the platform issues them, in a token that has no signature ({@code alg: none}). */
    static String unsignedAdmin() {
        return adminClaims().unsigned();
    }

    /** An admin's claims signed HS256 with {@code secret}, for example the platform's public key, which anyone may read. */
    static String hmacSignedAdmin(byte[] secret) {
        return adminClaims().hmacSigned(secret);
    }

    /** An admin's claims as the platform issues them, signed with a key the platform has never seen. */
    static String strangerSignedAdmin() {
        return adminClaims().forged().sign();
    }

    /** The platform's public key file as its services read it. */
    static byte[] publicKeyPem(Path home) {
        try {
            return Files.readAllBytes(home.resolve("keys").resolve("public.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Tokens.Builder adminClaims() {
        return Tokens.builder().issuer(ISSUER).audience(AUDIENCE).roles("admin").cities("*")
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
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("stadtportal-local").build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
