package de.stadtportal.identity.key.domain;

import java.time.Instant;

/** A signing key's life: created, and retired once a newer key took over signing ({@code null} while it signs). */
public record SigningKey(String kid, Instant createdAt, Instant retiredAt) {

    public boolean retired() {
        return retiredAt != null;
    }
}
