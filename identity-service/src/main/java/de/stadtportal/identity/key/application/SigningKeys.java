package de.stadtportal.identity.key.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import de.stadtportal.identity.IdentityProperties;
import de.stadtportal.identity.key.domain.KeyRing;
import de.stadtportal.identity.key.domain.SigningKey;
import de.stadtportal.identity.key.persistence.SigningKeyRepository;
import de.stadtportal.identity.key.persistence.SigningKeyRepository.StoredKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RS256 keys, kept in the database so that tokens survive a restart and every instance signs
 * with the same key. As a {@link JWKSource} it serves the published keys (the JWK set endpoint and
 * this service's own token decoder read it) from a snapshot that {@link #reload()} refreshes; the
 * encoder signs with {@link #signingKid()} only. Private parts are stored encrypted (AES-GCM).
 */
@Service
public class SigningKeys implements JWKSource<SecurityContext> {

    private final SigningKeyRepository repository;
    private final TransactionTemplate transactions;
    private final IdentityProperties.Keys settings;
    private final TextEncryptor encryptor;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(List.of(), null, null);

    public SigningKeys(SigningKeyRepository repository, TransactionTemplate transactions,
            IdentityProperties properties, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.settings = properties.keys();
        this.encryptor = Encryptors.delux(settings.password(), settings.salt());
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new JWKSet(snapshot.published()));
    }

    /** The key id that signs new tokens. */
    public String signingKid() {
        return snapshot.signingKid();
    }

    public KeyRing ring() {
        return snapshot.ring();
    }

    /** Makes a new key the signing one; the one before stays published until its tokens expired. */
    public SigningKey rotate() {
        RSAKey key = generate();
        transactions.executeWithoutResult(status -> {
            repository.lockForRotation();
            repository.replaceSigningKey(key.getKeyID(), encryptor.encrypt(key.toJSONString()), clock.instant());
        });
        reload();
        return ring().signing().orElseThrow();
    }

    /** Creates the first key if there is none yet (the first start). */
    public void ensureSigningKey() {
        reload();
        if (ring().signing().isEmpty()) {
            transactions.executeWithoutResult(status -> {
                repository.lockForRotation();
                if (repository.all().stream().noneMatch(stored -> stored.retiredAt() == null)) {
                    RSAKey key = generate();
                    repository.replaceSigningKey(key.getKeyID(), encryptor.encrypt(key.toJSONString()),
                            clock.instant());
                }
            });
            reload();
        }
    }

    /** Deletes retired keys whose tokens have all expired. */
    public List<SigningKey> deleteExpired() {
        List<SigningKey> expired = ring().expired(clock.instant());
        expired.forEach(key -> repository.delete(key.kid()));
        if (!expired.isEmpty()) {
            reload();
        }
        return expired;
    }

    /** Reads the keys again, e.g. after another instance rotated. */
    public void reload() {
        List<StoredKey> stored = repository.all();
        KeyRing ring = new KeyRing(stored.stream().map(s -> new SigningKey(s.kid(), s.createdAt(), s.retiredAt()))
                .toList(), settings.rotateAfter(), settings.tokenLifetime(), settings.clockSkew());
        Map<String, StoredKey> byKid = stored.stream().collect(Collectors.toMap(StoredKey::kid, Function.identity()));
        List<JWK> published = ring.published(clock.instant()).stream()
                .map(key -> parse(byKid.get(key.kid()).encryptedJwk())).toList();
        snapshot = new Snapshot(published, ring.signing().map(SigningKey::kid).orElse(null), ring);
    }

    private JWK parse(String encrypted) {
        try {
            return RSAKey.parse(encryptor.decrypt(encrypted));
        } catch (ParseException e) {
            throw new IllegalStateException("A stored signing key cannot be read", e);
        }
    }

    private RSAKey generate() {
        try {
            Instant now = clock.instant();
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).issueTime(Date.from(now)).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("No RSA key could be generated", e);
        }
    }

    private record Snapshot(List<JWK> published, String signingKid, KeyRing ring) {
    }
}
