package de.stadtportal.identity.signin.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code sign_in_failure} table: one row per user name ({@code user:<name>}) and per address
 * ({@code address:<ip>}). In the database rather than in memory so that several instances count together.
 */
@Repository
public class SignInFailureRepository {

    private static final String COUNT = """
            INSERT INTO sign_in_failure (subject, failures, last_failure) VALUES (:subject, 1, :at)
            ON CONFLICT (subject) DO UPDATE
               SET failures = CASE WHEN sign_in_failure.last_failure < :forgetBefore THEN 1
                                   ELSE sign_in_failure.failures + 1 END,
                   last_failure = :at
            RETURNING failures
            """;
    private static final String BLOCK = """
            UPDATE sign_in_failure SET blocked_until = :until WHERE subject = :subject
            """;
    private static final String LATEST_BLOCK = """
            SELECT max(blocked_until) FROM sign_in_failure WHERE subject IN (:subjects)
            """;
    private static final String CLEAR = """
            DELETE FROM sign_in_failure WHERE subject = :subject
            """;

    private final JdbcClient jdbc;

    public SignInFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one more failure and answers how many there are now. */
    public int count(String subject, Instant at, Instant forgetBefore) {
        return jdbc.sql(COUNT).param("subject", subject).param("at", utc(at))
                .param("forgetBefore", utc(forgetBefore)).query(Integer.class).single();
    }

    public void block(String subject, Instant until) {
        jdbc.sql(BLOCK).param("subject", subject).param("until", utc(until)).update();
    }

    /** The latest end of a block over any of the subjects, if there is one. */
    public Optional<Instant> blockedUntil(List<String> subjects) {
        return jdbc.sql(LATEST_BLOCK).param("subjects", subjects).query(OffsetDateTime.class).list().stream()
                .filter(Objects::nonNull).map(OffsetDateTime::toInstant).findFirst();
    }

    public void clear(String subject) {
        jdbc.sql(CLEAR).param("subject", subject).update();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
