package de.stadtportal.identity;

import static de.stadtportal.identity.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.identity.account.application.AccountService;
import de.stadtportal.identity.account.application.CreateAccount;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The login page as a person and as a guesser meet it (test limits: 3 failures per name, 6 per address). */
@IdentityTest
class SignInIT {

    static final String PASSWORD = "herne-passwort-12";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void the_herne_editor_has_an_account_and_no_one_has_failed_yet() {
        accounts.seed(new CreateAccount("redaktion-herne", PASSWORD, Set.of("editor"), Set.of("herne")));
        forgetFailures();
    }

    @AfterEach
    void forgetFailures() {
        jdbc.sql("DELETE FROM sign_in_failure").update();
    }

    @Test
    void the_login_page_speaks_german_unless_english_is_asked_for_and_needs_no_script() {
        String german = new Browser(port).get("/login").body();
        String chosen = new Browser(port).get("/login?lang=en").body();
        String preferred = new Browser(port).speaking("en-GB,en;q=0.9,de;q=0.5").get("/login").body();

        assertThat(german).contains("<html lang=\"de\"", "Anmelden", "Passwort", "name=\"_csrf\"")
                .doesNotContain("<script");
        assertThat(chosen).contains("<html lang=\"en\"", "Sign in", "Password");
        assertThat(preferred).contains("<html lang=\"en\"", "Sign in");
    }

    @Test
    void a_person_who_signs_in_here_directly_sees_who_she_is_and_can_sign_out_again() {
        Browser browser = new Browser(port);
        HttpResponse<String> signedIn = browser.signIn("redaktion-herne", PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).doesNotContain("error");

        String home = browser.get(location(signedIn)).body();
        assertThat(home).contains("Sie sind als redaktion-herne angemeldet", "action=\"/logout\"");
        HttpResponse<String> signedOut = browser.post("/logout", Map.of("_csrf", Browser.csrf(home)));

        assertThat(location(signedOut)).endsWith("/login?logout");
        assertThat(location(browser.get("/"))).endsWith("/login");
    }

    @Test
    void a_wrong_password_and_an_unknown_name_look_exactly_the_same() {
        Browser one = new Browser(port);
        Browser other = new Browser(port);

        HttpResponse<String> wrongPassword = one.signIn("redaktion-herne", "not-the-password");
        HttpResponse<String> unknownName = other.signIn("redaktion-nirgendwo", "not-the-password");

        assertThat(location(wrongPassword)).endsWith("/login?error").isEqualTo(location(unknownName));
        String firstPage = one.get(location(wrongPassword)).body();
        String secondPage = other.get(location(unknownName)).body();
        assertThat(firstPage).contains("Die Anmeldung ist fehlgeschlagen")
                .isEqualTo(secondPage.replace(Browser.csrf(secondPage), Browser.csrf(firstPage)));
    }

    @Test
    void a_login_posted_without_the_pages_csrf_token_is_refused() {
        Browser browser = new Browser(port);
        browser.get("/login");

        HttpResponse<String> forged = browser.post("/login", Map.of("username", "redaktion-herne",
                "password", PASSWORD));
        HttpResponse<String> guessed = browser.post("/login", Map.of("username", "redaktion-herne",
                "password", PASSWORD, "_csrf", "guessed"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(guessed.statusCode()).isEqualTo(403);
    }

    @Test
    void after_three_failures_for_a_name_even_the_right_password_has_to_wait() {
        for (int i = 0; i < 3; i++) {
            assertThat(location(new Browser(port).signIn("redaktion-herne", "guess-" + i))).endsWith("/login?error");
        }

        HttpResponse<String> right = new Browser(port).signIn("redaktion-herne", PASSWORD);

        assertThat(location(right)).endsWith("/login?error");
        assertThat(jdbc.sql("SELECT blocked_until > now() FROM sign_in_failure WHERE subject = 'user:redaktion-herne'")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void after_six_failures_from_one_address_every_name_from_it_has_to_wait() {
        for (int i = 0; i < 6; i++) {
            new Browser(port).signIn("guess-" + i, "guess-" + i);
        }

        HttpResponse<String> right = new Browser(port).signIn("redaktion-herne", PASSWORD);

        assertThat(location(right)).endsWith("/login?error");
    }
}
