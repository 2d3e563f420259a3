package de.stadtportal.identity;

import static de.stadtportal.identity.Browser.challenge;
import static de.stadtportal.identity.Browser.location;
import static de.stadtportal.identity.Browser.query;
import static de.stadtportal.identity.Browser.verifier;
import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.identity.Browser.Answer;
import de.stadtportal.identity.account.application.AccountService;
import de.stadtportal.identity.account.application.CreateAccount;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;

@IdentityTest
class AuthorizationCodeFlowIT {

    static final String PORTAL_REDIRECT = "http://localhost:8084/login/oauth2/code/stadtportal";
    static final String PASSWORD = "bochum-passwort-1";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void the_bochum_editor_has_an_account() {
        accounts.seed(new CreateAccount("redaktion-bochum", PASSWORD, Set.of("editor"), Set.of("bochum")));
    }

    @Test
    void the_bochum_editor_signs_in_through_the_portal_and_gets_a_token_every_service_accepts() {
        Browser browser = new Browser(port);
        String verifier = verifier();

        HttpResponse<String> back = browser.authorize(request("portal-web", verifier, PORTAL_REDIRECT),
                "redaktion-bochum", PASSWORD);

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(location(back)).startsWith(PORTAL_REDIRECT + "?code=");
        Map<String, String> callback = query(location(back));
        assertThat(callback).containsEntry("state", "state-1");
        Answer tokens = portalExchange(browser, callback.get("code"), verifier);
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        assertThat(tokens.string("id_token")).isNotBlank();
        assertThat(tokens.string("refresh_token")).isNotBlank();

        Jwt access = Verifier.verify(port, tokens.string("access_token"));
        assertThat(access.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(access.getIssuer().toString()).isEqualTo(Verifier.ISSUER);
        assertThat(access.getAudience()).containsExactly("stadtportal");
        assertThat(access.getSubject()).isEqualTo("redaktion-bochum");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("editor");
        assertThat(access.getClaimAsStringList("cities")).containsExactly("bochum");
    }

    @Test
    void the_discovery_document_names_the_configured_issuer_and_its_endpoints() {
        Answer discovery = new Browser(port).json("GET", "/.well-known/openid-configuration", null, null);

        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.body()).containsEntry("issuer", Verifier.ISSUER)
                .containsEntry("jwks_uri", Verifier.ISSUER + "/oauth2/jwks")
                .containsEntry("authorization_endpoint", Verifier.ISSUER + "/oauth2/authorize")
                .containsEntry("token_endpoint", Verifier.ISSUER + "/oauth2/token");
        assertThat(new Browser(port).json("GET", "/oauth2/jwks", null, null).body()).containsKey("keys");
    }

    @Test
    void the_app_may_come_back_on_any_loopback_port_and_keeps_going_with_single_use_refresh_tokens() {
        Browser browser = new Browser(port);

        Answer tokens = TheApp.signIn(browser, "redaktion-bochum", PASSWORD);

        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        assertThat(Verifier.verify(port, tokens.string("access_token")).getClaimAsStringList("cities"))
                .containsExactly("bochum");
        String firstRefresh = tokens.string("refresh_token");
        assertThat(firstRefresh).as("a public app gets a refresh token").isNotBlank();

        Answer refreshed = TheApp.refresh(browser, firstRefresh);
        assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
        assertThat(refreshed.string("refresh_token")).isNotBlank().isNotEqualTo(firstRefresh);
        assertThat(Verifier.verify(port, refreshed.string("access_token")).getSubject()).isEqualTo("redaktion-bochum");

        Answer reused = TheApp.refresh(browser, firstRefresh);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.string("error")).isEqualTo("invalid_grant");
    }

    @Test
    void the_app_may_come_back_through_its_own_scheme() {
        HttpResponse<String> back = new Browser(port).authorize(request("stadtportal-app", verifier(),
                "de.stadtportal.app:/callback"), "redaktion-bochum", PASSWORD);

        assertThat(location(back)).startsWith("de.stadtportal.app:/callback?code=");
    }

    @Test
    void a_redirect_uri_that_is_not_registered_is_refused_without_going_there() {
        for (String foreign : new String[] {"https://evil.example/callback", "http://127.0.0.1:53117/elsewhere",
                "http://localhost:53117/callback", "de.stadtportal.app:/callback/../evil"}) {
            HttpResponse<String> answer = new Browser(port).get("/oauth2/authorize?"
                    + Browser.encode(request("stadtportal-app", verifier(), foreign)));

            assertThat(answer.statusCode()).as(foreign).isEqualTo(400);
            assertThat(location(answer)).as(foreign).isEmpty();
        }
    }

    @Test
    void an_authorization_request_without_a_code_challenge_is_refused() {
        HttpResponse<String> back = new Browser(port).get("/oauth2/authorize?"
                + Browser.encode(request("portal-web", null, PORTAL_REDIRECT)));

        assertThat(location(back)).startsWith(PORTAL_REDIRECT + "?error=invalid_request");
        assertThat(query(location(back))).doesNotContainKey("code");
    }

    @Test
    void a_code_with_the_wrong_verifier_or_none_is_refused() {
        Browser browser = new Browser(port);
        String code = query(location(browser.authorize(request("portal-web", verifier(), PORTAL_REDIRECT),
                "redaktion-bochum", PASSWORD))).get("code");

        Answer wrong = portalExchange(browser, code, verifier());
        Answer none = browser.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", PORTAL_REDIRECT), "portal-web", "portal-web-dev-secret");

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.string("error")).isEqualTo("invalid_grant");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.string("error")).isIn("invalid_grant", "invalid_request");
        assertThat(wrong.body()).doesNotContainKey("access_token");
    }

    @Test
    void a_code_is_good_for_one_exchange_only() {
        Browser browser = new Browser(port);
        String verifier = verifier();
        String code = query(location(browser.authorize(request("portal-web", verifier, PORTAL_REDIRECT),
                "redaktion-bochum", PASSWORD))).get("code");

        Answer first = portalExchange(browser, code, verifier);
        Answer replayed = portalExchange(browser, code, verifier);

        assertThat(first.status()).isEqualTo(200);
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.string("error")).isEqualTo("invalid_grant");
    }

    @Test
    void a_revoked_refresh_token_gets_no_new_tokens() {
        Browser browser = new Browser(port);
        String verifier = verifier();
        String code = query(location(browser.authorize(request("portal-web", verifier, PORTAL_REDIRECT),
                "redaktion-bochum", PASSWORD))).get("code");
        String refreshToken = portalExchange(browser, code, verifier).string("refresh_token");

        Answer revoked = browser.client("/oauth2/revoke", Map.of("token", refreshToken,
                "token_type_hint", "refresh_token"), "portal-web", "portal-web-dev-secret");
        Answer refreshed = browser.token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
                "portal-web", "portal-web-dev-secret");

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(refreshed.status()).isEqualTo(400);
        assertThat(refreshed.string("error")).isEqualTo("invalid_grant");
    }

    @Test
    void an_expired_refresh_token_gets_no_new_tokens() {
        Browser browser = new Browser(port);
        String refreshToken = TheApp.signIn(browser, "redaktion-bochum", PASSWORD).string("refresh_token");
        jdbc.sql("""
                UPDATE oauth2_authorization SET refresh_token_issued_at = now() - interval '30 days',
                       refresh_token_expires_at = now() - interval '1 second'
                 WHERE refresh_token_value = :token""").param("token", refreshToken).update();

        Answer refreshed = TheApp.refresh(browser, refreshToken);

        assertThat(refreshed.status()).isEqualTo(400);
        assertThat(refreshed.string("error")).isEqualTo("invalid_grant");
    }

    private Answer portalExchange(Browser browser, String code, String verifier) {
        return browser.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", PORTAL_REDIRECT, "code_verifier", verifier), "portal-web", "portal-web-dev-secret");
    }

    static Map<String, String> request(String client, String verifier, String redirect) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", client);
        parameters.put("scope", "openid");
        parameters.put("redirect_uri", redirect);
        parameters.put("state", "state-1");
        if (verifier != null) {
            parameters.put("code_challenge", challenge(verifier));
            parameters.put("code_challenge_method", "S256");
        }
        return parameters;
    }
}
