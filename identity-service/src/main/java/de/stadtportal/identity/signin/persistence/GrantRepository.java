package de.stadtportal.identity.signin.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The authorization server's grants ({@code oauth2_authorization}), where it keeps codes and refresh
 * tokens. Its own {@code OAuth2AuthorizationService} cannot find them by person, so ending them is a statement here.
 */
@Repository
public class GrantRepository {

    private static final String DELETE_OF = """
            DELETE FROM oauth2_authorization WHERE principal_name = :principal
            """;
    private static final String DELETE_EXPIRED = """
            DELETE FROM oauth2_authorization
             WHERE created_at < :before
               AND greatest(coalesce(refresh_token_expires_at, '-infinity'),
                            coalesce(access_token_expires_at, '-infinity'),
                            coalesce(oidc_id_token_expires_at, '-infinity'),
                            coalesce(authorization_code_expires_at, '-infinity')) < :before
            """;

    private final JdbcClient jdbc;

    public GrantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int deleteAllOf(String principal) {
        return jdbc.sql(DELETE_OF).param("principal", principal).update();
    }

    /** Deletes grants made before {@code before} whose codes and tokens had all expired by then. */
    public int deleteExpired(Instant before) {
        return jdbc.sql(DELETE_EXPIRED).param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).update();
    }
}
