package de.stadtportal.identity.key.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code signing_key} table; the JWK column holds the encrypted key as the application layer hands it over. */
@Repository
public class SigningKeyRepository {

    private static final String ALL = """
            SELECT kid, jwk, created_at, retired_at FROM signing_key
            """;
    /** One rotation at a time, across instances, until the transaction ends. */
    private static final String LOCK = """
            SELECT pg_advisory_xact_lock(hashtext('signing_key'))
            """;
    private static final String RETIRE_ALL = """
            UPDATE signing_key SET retired_at = :at WHERE retired_at IS NULL
            """;
    private static final String INSERT = """
            INSERT INTO signing_key (kid, jwk, created_at) VALUES (:kid, :jwk, :at)
            """;
    private static final String DELETE = """
            DELETE FROM signing_key WHERE kid = :kid AND retired_at IS NOT NULL
            """;

    private final JdbcClient jdbc;

    public SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredKey> all() {
        return jdbc.sql(ALL).query((row, n) -> new StoredKey(row.getString("kid"), row.getString("jwk"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                instant(row.getObject("retired_at", OffsetDateTime.class)))).list();
    }

    public void lockForRotation() {
        jdbc.sql(LOCK).query().singleRow();
    }

    /** Retires the signing key and stores the new one, which signs from now on. */
    public void replaceSigningKey(String kid, String encryptedJwk, Instant at) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.sql(RETIRE_ALL).param("at", when).update();
        jdbc.sql(INSERT).param("kid", kid).param("jwk", encryptedJwk).param("at", when).update();
    }

    public void delete(String kid) {
        jdbc.sql(DELETE).param("kid", kid).update();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    /** A row as stored: the JWK still encrypted. */
    public record StoredKey(String kid, String encryptedJwk, Instant createdAt, Instant retiredAt) {
    }
}
