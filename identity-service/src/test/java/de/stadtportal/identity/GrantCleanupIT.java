package de.stadtportal.identity;

import static de.stadtportal.identity.Browser.location;
import static de.stadtportal.identity.Browser.query;
import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.identity.Browser.Answer;
import de.stadtportal.identity.account.application.AccountService;
import de.stadtportal.identity.account.application.CreateAccount;
import de.stadtportal.identity.signin.application.GrantCleanupJob;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The clean-up pass on the real grant table: grants are made by real sign-ins, then made old by
 * moving their timestamps back, as the hours would.
 */
@IdentityTest
class GrantCleanupIT {

    static final String PASSWORD = "hattingen-passwort-3";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired GrantCleanupJob cleanup;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void the_hattingen_editor_has_an_account_and_no_sign_in_waits() {
        // failures other classes left from this address must not make these sign-ins wait
        jdbc.sql("DELETE FROM sign_in_failure").update();
        accounts.seed(new CreateAccount("redaktion-hattingen", PASSWORD, Set.of("editor"),
                Set.of("hattingen")));
    }

    @Test
    void grants_whose_codes_and_tokens_all_expired_over_an_hour_ago_are_deleted_and_live_ones_kept() {
        String spent = grantOf(signIn().string("refresh_token"));
        String live = grantOf(signIn().string("refresh_token"));
        String refreshable = grantOf(signIn().string("refresh_token"));
        String justExpired = grantOf(signIn().string("refresh_token"));
        String unusedCode = codeGrant();
        age(spent, "2 hours", "2 hours");
        age(refreshable, "3 hours", null);
        age(justExpired, "10 minutes", "10 minutes");
        age(unusedCode, "2 hours", "2 hours");

        cleanup.deleteExpiredGrants();

        assertThat(exists(spent)).as("every token expired two hours ago").isFalse();
        assertThat(exists(unusedCode)).as("a code never exchanged, expired two hours ago").isFalse();
        assertThat(exists(live)).as("fresh tokens").isTrue();
        assertThat(exists(refreshable)).as("access token expired, refresh token still good").isTrue();
        assertThat(exists(justExpired)).as("expired within the last hour").isTrue();
    }

    @Test
    void a_refresh_token_whose_grant_was_cleaned_up_is_refused_as_any_unknown_one() {
        String refreshToken = signIn().string("refresh_token");
        age(grantOf(refreshToken), "2 hours", "2 hours");

        cleanup.deleteExpiredGrants();
        Answer refreshed = TheApp.refresh(new Browser(port), refreshToken);

        assertThat(refreshed.status()).isEqualTo(400);
        assertThat(refreshed.string("error")).isEqualTo("invalid_grant");
        assertThat(refreshed.body()).doesNotContainKeys("access_token", "refresh_token");
    }

    private Answer signIn() {
        Answer tokens = TheApp.signIn(new Browser(port), "redaktion-hattingen", PASSWORD);
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        return tokens;
    }

    /** A code the app was sent but never exchanged. */
    private String codeGrant() {
        String code = query(location(new Browser(port).authorize(AuthorizationCodeFlowIT.request("stadtportal-app",
                Browser.verifier(), TheApp.LOOPBACK), "redaktion-hattingen", PASSWORD))).get("code");
        return jdbc.sql("SELECT id FROM oauth2_authorization WHERE authorization_code_value = :code")
                .param("code", code).query(String.class).single();
    }

    private String grantOf(String refreshToken) {
        return jdbc.sql("SELECT id FROM oauth2_authorization WHERE refresh_token_value = :token")
                .param("token", refreshToken).query(String.class).single();
    }

    /**
     * Moves a grant back in time: made a day ago, its code and access and ID tokens expired
     * {@code accessExpiredAgo}, its refresh token expired {@code refreshExpiredAgo} (null: still good).
     */
    private void age(String id, String accessExpiredAgo, String refreshExpiredAgo) {
        jdbc.sql("""
                UPDATE oauth2_authorization
                   SET created_at = now() - interval '1 day',
                       authorization_code_expires_at = now() - cast(:access AS interval),
                       access_token_expires_at = CASE WHEN access_token_value IS NULL THEN NULL
                                                      ELSE now() - cast(:access AS interval) END,
                       oidc_id_token_expires_at = CASE WHEN oidc_id_token_value IS NULL THEN NULL
                                                       ELSE now() - cast(:access AS interval) END,
                       refresh_token_expires_at = CASE WHEN refresh_token_value IS NULL THEN NULL
                                                       WHEN cast(:refresh AS text) IS NULL THEN refresh_token_expires_at
                                                       ELSE now() - cast(:refresh AS interval) END
                 WHERE id = :id""")
                .param("access", accessExpiredAgo).param("refresh", refreshExpiredAgo).param("id", id).update();
    }

    private boolean exists(String id) {
        return jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE id = :id").param("id", id)
                .query(Integer.class).single() == 1;
    }
}
