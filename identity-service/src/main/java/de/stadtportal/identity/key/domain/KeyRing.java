package de.stadtportal.identity.key.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which keys sign, which are published and which can go. The newest unretired key signs. A retired
 * key stays published while tokens it signed may still be valid (its retirement plus the longest
 * token lifetime plus the verifiers' clock skew), so that a rotation never breaks a token in flight;
 * after that nothing it signed verifies anyway and it is deleted.
 */
public record KeyRing(List<SigningKey> keys, Duration rotateAfter, Duration tokenLifetime, Duration clockSkew) {

    public KeyRing {
        keys = keys.stream().sorted(Comparator.comparing(SigningKey::createdAt).reversed()).toList();
    }

    public Optional<SigningKey> signing() {
        return keys.stream().filter(key -> !key.retired()).findFirst();
    }

    /** The keys the JWK set shows at {@code now}: the signing one first. */
    public List<SigningKey> published(Instant now) {
        return keys.stream().filter(key -> !key.retired() || now.isBefore(publishedUntil(key))).toList();
    }

    /** Retired keys whose tokens have all expired by {@code now}. */
    public List<SigningKey> expired(Instant now) {
        return keys.stream().filter(key -> key.retired() && !now.isBefore(publishedUntil(key))).toList();
    }

    /** True when there is no signing key or it is older than {@code rotateAfter}. */
    public boolean needsRotation(Instant now) {
        return signing().map(key -> !now.isBefore(key.createdAt().plus(rotateAfter))).orElse(true);
    }

    private Instant publishedUntil(SigningKey key) {
        return key.retiredAt().plus(tokenLifetime).plus(clockSkew);
    }
}
