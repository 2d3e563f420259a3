package de.stadtportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.identity.Browser.Answer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;

/** Scripts and drills get tokens without a browser (test configuration: editor of Bochum and Herne). */
@IdentityTest
class ClientCredentialsIT {

    @LocalServerPort int port;

    @Test
    void a_script_gets_a_token_with_the_roles_and_cities_configured_for_its_client() {
        Answer tokens = new Browser(port).token(Map.of("grant_type", "client_credentials"), "stadtportal-cli",
                "stadtportal-cli-dev-secret");

        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        assertThat(tokens.body()).doesNotContainKey("refresh_token");
        Jwt access = Verifier.verify(port, tokens.string("access_token"));
        assertThat(access.getSubject()).isEqualTo("stadtportal-cli");
        assertThat(access.getAudience()).containsExactly("stadtportal");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("editor");
        assertThat(access.getClaimAsStringList("cities")).containsExactly("bochum", "herne");
    }

    @Test
    void a_script_narrows_its_token_to_one_role_and_city_with_scopes() {
        Answer tokens = new Browser(port).token(Map.of("grant_type", "client_credentials",
                "scope", "editor city:herne"), "stadtportal-cli", "stadtportal-cli-dev-secret");

        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        Jwt access = Verifier.verify(port, tokens.string("access_token"));
        assertThat(access.getClaimAsStringList("roles")).containsExactly("editor");
        assertThat(access.getClaimAsStringList("cities")).containsExactly("herne");
        assertThat(access.getClaimAsStringList("scope")).containsExactlyInAnyOrder("editor", "city:herne");
    }

    @Test
    void a_script_asking_for_more_than_its_client_may_have_gets_invalid_scope_and_no_token() {
        for (String scope : new String[] {"admin", "editor city:dortmund", "city:*", "editor superuser"}) {
            Answer refused = new Browser(port).token(Map.of("grant_type", "client_credentials", "scope", scope),
                    "stadtportal-cli", "stadtportal-cli-dev-secret");

            assertThat(refused.status()).as(scope + ": " + refused.raw()).isEqualTo(400);
            assertThat(refused.string("error")).isEqualTo("invalid_scope");
            assertThat(refused.body()).doesNotContainKey("access_token");
        }
    }

    @Test
    void a_wrong_client_secret_gets_no_token() {
        Answer refused = new Browser(port).token(Map.of("grant_type", "client_credentials"), "stadtportal-cli",
                "guessed");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.string("error")).isEqualTo("invalid_client");
    }

    @Test
    void the_public_app_cannot_use_client_credentials() {
        Answer refused = new Browser(port).token(Map.of("grant_type", "client_credentials",
                "client_id", "stadtportal-app"), null, null);

        assertThat(refused.status()).isIn(400, 401);
        assertThat(refused.body()).doesNotContainKey("access_token");
    }
}
