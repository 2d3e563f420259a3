package de.stadtportal.identity;

import static de.stadtportal.identity.AuthorizationCodeFlowIT.PORTAL_REDIRECT;
import static de.stadtportal.identity.AuthorizationCodeFlowIT.request;
import static de.stadtportal.identity.Browser.location;
import static de.stadtportal.identity.Browser.query;
import static de.stadtportal.identity.Browser.verifier;
import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.identity.Browser.Answer;
import de.stadtportal.identity.account.application.AccountService;
import de.stadtportal.identity.account.application.CreateAccount;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an attacker holding part of a flow tries next, beyond the cases in {@link AuthorizationCodeFlowIT}
 * and {@link SignInIT}: each answered with the standard OAuth2 error, and no answer carries a token,
 * a stack trace or a word about why beyond the error code.
 */
@IdentityTest
class AuthorizationAttacksIT {

    static final String PASSWORD = "marl-passwort-7";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void the_marl_editor_has_an_account_and_no_sign_in_waits() {
        // failures other classes left from this address must not make these sign-ins wait
        jdbc.sql("DELETE FROM sign_in_failure").update();
        accounts.seed(new CreateAccount("redaktion-marl", PASSWORD, Set.of("editor"), Set.of("marl")));
    }

    @Test
    void a_replayed_code_also_ends_the_refresh_token_its_first_exchange_gave() {
        Browser browser = new Browser(port);
        String verifier = verifier();
        String code = portalCode(browser, verifier);
        Answer first = exchange(browser, code, PORTAL_REDIRECT, verifier);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);

        Answer replayed = exchange(browser, code, PORTAL_REDIRECT, verifier);
        Answer refreshed = browser.token(Map.of("grant_type", "refresh_token",
                "refresh_token", first.string("refresh_token")), "portal-web", "portal-web-dev-secret");

        assertRefused(replayed, 400, "invalid_grant");
        assertRefused(refreshed, 400, "invalid_grant");
    }

    @Test
    void a_code_exchanged_with_another_redirect_uri_than_it_was_issued_for_is_refused() {
        Browser browser = new Browser(port);
        String verifier = verifier();
        String code = portalCode(browser, verifier);

        Answer elsewhere = exchange(browser, code, "https://evil.example/login/oauth2/code/stadtportal", verifier);

        assertRefused(elsewhere, 400, "invalid_grant");
    }

    @Test
    void a_code_issued_to_the_app_cannot_be_exchanged_by_another_client() {
        Browser browser = new Browser(port);
        String verifier = verifier();
        String code = query(location(browser.authorize(request("stadtportal-app", verifier, TheApp.LOOPBACK),
                "redaktion-marl", PASSWORD))).get("code");

        Answer stolen = browser.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", TheApp.LOOPBACK, "code_verifier", verifier), "portal-web", "portal-web-dev-secret");

        assertRefused(stolen, 400, "invalid_grant");
    }

    @Test
    void a_plain_code_challenge_is_refused_as_only_s256_protects_an_intercepted_request() {
        Map<String, String> parameters = request("stadtportal-app", null, TheApp.LOOPBACK);
        parameters.put("code_challenge", "the-verifier-itself-in-plain-text-long-enough-1234567890");
        parameters.put("code_challenge_method", "plain");

        HttpResponse<String> back = new Browser(port).get("/oauth2/authorize?" + Browser.encode(parameters));

        assertThat(location(back)).startsWith(TheApp.LOOPBACK + "?error=invalid_request");
        assertThat(query(location(back))).doesNotContainKey("code");
    }

    @Test
    void a_public_client_without_a_verifier_or_with_a_wrong_one_gets_no_token() {
        Browser browser = new Browser(port);
        String verifier = verifier();
        String code = query(location(browser.authorize(request("stadtportal-app", verifier, TheApp.LOOPBACK),
                "redaktion-marl", PASSWORD))).get("code");

        Answer none = browser.fresh().token(Map.of("grant_type", "authorization_code", "client_id",
                "stadtportal-app", "code", code, "redirect_uri", TheApp.LOOPBACK), null, null);
        Answer wrong = browser.fresh().token(Map.of("grant_type", "authorization_code", "client_id",
                "stadtportal-app", "code", code, "redirect_uri", TheApp.LOOPBACK, "code_verifier", verifier()), null,
                null);

        assertRefused(none, 401, "invalid_client");
        assertRefused(wrong, 400, "invalid_grant");
    }

    @Test
    void a_made_up_refresh_token_or_one_of_another_client_gets_no_token() {
        Browser browser = new Browser(port);
        String appRefresh = TheApp.signIn(browser, "redaktion-marl", PASSWORD).string("refresh_token");

        Answer madeUp = TheApp.refresh(browser, "bm90LWEtcmVmcmVzaC10b2tlbg");
        Answer foreign = browser.token(Map.of("grant_type", "refresh_token", "refresh_token", appRefresh),
                "portal-web", "portal-web-dev-secret");

        assertRefused(madeUp, 400, "invalid_grant");
        assertRefused(foreign, 400, "invalid_grant");
    }

    private String portalCode(Browser browser, String verifier) {
        HttpResponse<String> back = browser.authorize(request("portal-web", verifier, PORTAL_REDIRECT),
                "redaktion-marl", PASSWORD);
        assertThat(location(back)).startsWith(PORTAL_REDIRECT + "?code=");
        return query(location(back)).get("code");
    }

    private static Answer exchange(Browser browser, String code, String redirect, String verifier) {
        return browser.token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect,
                "code_verifier", verifier), "portal-web", "portal-web-dev-secret");
    }

    /** The standard error and nothing else: no token, no trace, no internal names. */
    static void assertRefused(Answer answer, int status, String error) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.string("error")).isEqualTo(error);
        assertThat(answer.body().keySet()).isSubsetOf("error", "error_description", "error_uri");
        assertThat(answer.raw()).doesNotContain("Exception", "at org.", "at de.", "redaktion-marl");
    }
}
