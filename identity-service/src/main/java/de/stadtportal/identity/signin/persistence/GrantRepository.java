package de.stadtportal.identity.signin.persistence;

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
             WHERE created_at < now() - interval '1 hour'
               AND greatest(coalesce(refresh_token_expires_at, '-infinity'),
                            coalesce(access_token_expires_at, '-infinity'),
                            coalesce(oidc_id_token_expires_at, '-infinity'),
                            coalesce(authorization_code_expires_at, '-infinity')) < now() - interval '1 hour'
            """;

    private final JdbcClient jdbc;

    public GrantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int deleteAllOf(String principal) {
        return jdbc.sql(DELETE_OF).param("principal", principal).update();
    }

    public int deleteExpired() {
        return jdbc.sql(DELETE_EXPIRED).update();
    }
}
