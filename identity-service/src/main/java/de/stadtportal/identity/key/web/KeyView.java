package de.stadtportal.identity.key.web;

import de.stadtportal.identity.key.domain.SigningKey;
import java.time.Instant;

/** A signing key's id and life, never the key. */
public record KeyView(String kid, Instant createdAt, Instant retiredAt) {

    static KeyView of(SigningKey key) {
        return new KeyView(key.kid(), key.createdAt(), key.retiredAt());
    }
}
