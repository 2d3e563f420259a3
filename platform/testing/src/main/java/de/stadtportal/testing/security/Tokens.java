package de.stadtportal.testing.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
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
 * contexts trust. Forged tokens are signed with a second key that nobody trusts.
 */
public final class Tokens {

    public static final String ISSUER = "https://stadtportal.test/issuer";

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
                "stadtportal.security.jwt.issuer", ISSUER);
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
        private Instant issuedAt = Instant.now();
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

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** A token that expired an hour ago. */
        public Builder expired() {
            this.issuedAt = Instant.now().minus(Duration.ofHours(2));
            this.lifetime = Duration.ofHours(1);
            return this;
        }

        /** Signed with a key the platform does not trust. */
        public Builder forged() {
            this.forged = true;
            return this;
        }

        public String sign() {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer)
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime)))
                    .jwtID(UUID.randomUUID().toString())
                    .claim("roles", roles)
                    .claim("cities", cities)
                    .build();
            PrivateKey key = (forged ? UNTRUSTED : TRUSTED).getPrivate();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("stadtportal-test").build(),
                    claims);
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}
