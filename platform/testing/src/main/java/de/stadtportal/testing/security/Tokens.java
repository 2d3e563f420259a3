package de.stadtportal.testing.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints RS256 bearer tokens with the claims of the platform ({@code roles}, {@code cities}). One key
 * pair per test JVM; its public key is what {@link de.stadtportal.testing.infrastructure.RealInfrastructure}
 * contexts trust, together with {@link #ISSUER} and {@link #AUDIENCE}. Forged tokens are signed with a
 * second key that nobody trusts, or not signed at all.
 */
public final class Tokens {

    public static final String ISSUER = "https://stadtportal.test/issuer";
    public static final String AUDIENCE = "stadtportal";

    private static final KeyPair TRUSTED = generate();
    private static final KeyPair UNTRUSTED = generate();
    private static volatile Path publicKeyFile;

    private Tokens() {
    }

    public static String editor(String... cities) {
        return builder().roles("editor").cities(cities).sign();
    }

    public static String admin() {
        return builder().roles("admin").cities("*").sign();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The PEM file of the trusted public key, written once per JVM. */
    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                Path file = Files.createTempFile("stadtportal-test-issuer-", ".pem");
                Files.writeString(file, pem(TRUSTED.getPublic()), StandardCharsets.US_ASCII);
                file.toFile().deleteOnExit();
                publicKeyFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    /** The properties that make a service trust these tokens (see the web module's token configuration). */
    public static Map<String, Object> trustProperties() {
        return Map.of(
                "stadtportal.security.jwt.public-key-location", "file:" + publicKeyFile(),
                "stadtportal.security.jwt.issuer", ISSUER,
                "stadtportal.security.jwt.audience", AUDIENCE);
    }

    public static String pem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    public static PublicKey trustedPublicKey() {
        return TRUSTED.getPublic();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token under construction; every setter returns a new builder. */
    public static final class Builder {

        private String subject = "user-" + UUID.randomUUID();
        private List<String> roles = List.of();
        private List<String> cities = List.of();
        private String issuer = ISSUER;
        private List<String> audience = List.of(AUDIENCE);
        private Instant issuedAt = Instant.now();
        private Instant notBefore = issuedAt;
        private Duration lifetime = Duration.ofMinutes(15);
        private boolean forged;

        private Builder() {
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        public Builder cities(String... cities) {
            this.cities = List.of(cities);
            return this;
        }

        /** {@code null} leaves the claim out. */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** The {@code aud} values; none leaves the claim out. */
        public Builder audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        /** A token that expired an hour ago. */
        public Builder expired() {
            this.issuedAt = Instant.now().minus(Duration.ofHours(2));
            this.notBefore = issuedAt;
            this.lifetime = Duration.ofHours(1);
            return this;
        }

        /** A token that becomes valid only in an hour (well past any clock skew allowed). */
        public Builder notYetValid() {
            this.notBefore = Instant.now().plus(Duration.ofHours(1));
            this.lifetime = Duration.ofHours(2);
            return this;
        }

        /** Signed with a key the platform does not trust. */
        public Builder forged() {
            this.forged = true;
            return this;
        }

        public String sign() {
            PrivateKey key = (forged ? UNTRUSTED : TRUSTED).getPrivate();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("stadtportal-test").build(),
                    claims());
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        /** The same claims with {@code "alg": "none"} and no signature at all. */
        public String unsigned() {
            return new PlainJWT(claims()).serialize();
        }

        /**
         * The same claims signed HS256 with {@code secret}: given the bytes of the trusted public key
         * (which anyone may read), the old trick against verifiers that take the algorithm from the token.
         */
        public String hmacSigned(byte[] secret) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), claims());
            try {
                jwt.sign(new MACSigner(secret));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        private JWTClaimsSet claims() {
            return new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer)
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(notBefore))
                    .audience(audience.isEmpty() ? null : audience)
                    .expirationTime(Date.from(issuedAt.plus(lifetime)))
                    .jwtID(UUID.randomUUID().toString())
                    .claim("roles", roles)
                    .claim("cities", cities)
                    .build();
        }
    }
}
