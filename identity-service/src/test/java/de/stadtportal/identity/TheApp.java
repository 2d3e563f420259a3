package de.stadtportal.identity;

import static de.stadtportal.identity.Browser.location;
import static de.stadtportal.identity.Browser.query;
import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.identity.Browser.Answer;
import java.net.http.HttpResponse;
import java.util.Map;

/** The public app {@code stadtportal-app} as a command-line tool runs it: loopback redirect, PKCE, no secret. */
public final class TheApp {

    public static final String LOOPBACK = "http://127.0.0.1:53117/callback";

    /** Signs in through the browser, then exchanges the code from the app's own client; answers the token response. */
    public static Answer signIn(Browser browser, String username, String password) {
        String verifier = Browser.verifier();
        HttpResponse<String> back = browser.authorize(AuthorizationCodeFlowIT.request("stadtportal-app", verifier,
                LOOPBACK), username, password);
        assertThat(location(back)).as("the provider sends the app its code").startsWith(LOOPBACK + "?code=");
        return browser.fresh().token(Map.of("grant_type", "authorization_code", "client_id", "stadtportal-app",
                "code", query(location(back)).get("code"), "redirect_uri", LOOPBACK, "code_verifier", verifier),
                null, null);
    }

    public static String accessToken(Browser browser, String username, String password) {
        Answer tokens = signIn(browser, username, password);
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        return tokens.string("access_token");
    }

    public static Answer refresh(Browser browser, String refreshToken) {
        return browser.fresh().token(Map.of("grant_type", "refresh_token", "client_id", "stadtportal-app",
                "refresh_token", refreshToken), null, null);
    }

    private TheApp() {
    }
}
