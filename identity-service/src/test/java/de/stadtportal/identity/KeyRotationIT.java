package de.stadtportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.stadtportal.identity.Browser.Answer;
import de.stadtportal.identity.account.application.AccountService;
import de.stadtportal.identity.account.application.CreateAccount;
import de.stadtportal.identity.key.application.KeyRotationJob;
import de.stadtportal.identity.key.application.SigningKeys;
import de.stadtportal.identity.key.persistence.SigningKeyRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.transaction.support.TransactionTemplate;

/** Signing keys live in the database, rotate without breaking tokens in flight, and go once their tokens have. */
@IdentityTest
class KeyRotationIT {

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired SigningKeys keys;
    @Autowired KeyRotationJob job;
    @Autowired SigningKeyRepository repository;
    @Autowired TransactionTemplate transactions;
    @Autowired IdentityProperties properties;
    @Autowired JdbcClient jdbc;

    @Test
    void a_rotation_publishes_old_and_new_key_and_a_token_of_the_old_key_still_verifies() {
        String before = scriptToken();
        String oldKid = kid(before);

        Answer rotated = new Browser(port).json("POST", "/api/identity/keys/rotation", adminToken(), null);
        String after = scriptToken();

        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        String newKid = (String) rotated.body().get("kid");
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(publishedKids()).contains(oldKid, newKid);
        assertThat(kid(after)).isEqualTo(newKid);
        assertThat(Verifier.verify(port, before).getClaimAsStringList("roles")).containsExactly("editor");
        assertThat(Verifier.verify(port, after).getClaimAsStringList("roles")).containsExactly("editor");
    }

    @Test
    void a_retired_key_leaves_the_jwk_set_once_its_tokens_have_expired_and_its_tokens_stop_verifying() {
        String before = scriptToken();
        keys.rotate();
        assertThat(publishedKids()).contains(kid(before));

        jdbc.sql("UPDATE signing_key SET retired_at = now() - interval '2 hours' WHERE kid = :kid")
                .param("kid", kid(before)).update();
        job.pass();

        assertThat(publishedKids()).doesNotContain(kid(before)).contains(keys.signingKid());
        assertThatThrownBy(() -> Verifier.verify(port, before)).isInstanceOf(JwtException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM signing_key WHERE kid = :kid").param("kid", kid(before))
                .query(Long.class).single()).isZero();
    }

    @Test
    void keys_survive_a_restart_so_tokens_issued_before_it_still_verify() {
        String before = scriptToken();

        SigningKeys restarted = new SigningKeys(repository, transactions, properties, Clock.systemUTC());
        restarted.ensureSigningKey();

        assertThat(restarted.signingKid()).isEqualTo(kid(before));
        assertThat(jdbc.sql("SELECT jwk FROM signing_key WHERE kid = :kid").param("kid", kid(before))
                .query(String.class).single()).as("the private key is stored encrypted").doesNotContain("\"d\"");
    }

    private String scriptToken() {
        Answer tokens = new Browser(port).token(Map.of("grant_type", "client_credentials"), "stadtportal-cli",
                "stadtportal-cli-dev-secret");
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        return tokens.string("access_token");
    }

    private String adminToken() {
        accounts.seed(new CreateAccount("admin", AccountAdminIT.ADMIN_PASSWORD, Set.of("admin"), Set.of()));
        return TheApp.accessToken(new Browser(port), "admin", AccountAdminIT.ADMIN_PASSWORD);
    }

    @SuppressWarnings("unchecked")
    private List<String> publishedKids() {
        List<Map<String, Object>> published = (List<Map<String, Object>>) new Browser(port)
                .json("GET", "/oauth2/jwks", null, null).body().get("keys");
        return published.stream().map(key -> (String) key.get("kid")).toList();
    }

    private static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }
}
