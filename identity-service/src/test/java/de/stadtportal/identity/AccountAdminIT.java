package de.stadtportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.identity.Browser.Answer;
import de.stadtportal.identity.account.application.AccountService;
import de.stadtportal.identity.account.application.CreateAccount;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Administrators manage people through the JSON API with a token from this provider; every change is audited. */
@IdentityTest
class AccountAdminIT {

    static final String ADMIN_PASSWORD = "admin-passwort-123";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired JdbcClient jdbc;

    private String admin;

    @BeforeEach
    void an_administrator_is_signed_in() {
        accounts.seed(new CreateAccount("admin", ADMIN_PASSWORD, Set.of("admin"), Set.of()));
        admin = TheApp.accessToken(new Browser(port), "admin", ADMIN_PASSWORD);
    }

    @Test
    void an_administrator_creates_changes_and_disables_a_person_and_each_change_is_audited() {
        Browser api = new Browser(port);

        Answer created = api.json("POST", "/api/identity/users", admin, """
                {"username":"redaktion-essen","password":"essen-passwort-1","roles":["editor"],"cities":["essen"]}""");
        Answer changed = api.json("PATCH", "/api/identity/users/redaktion-essen", admin, """
                {"roles":["editor","admin"]}""");
        Answer cities = api.json("PUT", "/api/identity/users/redaktion-essen/cities", admin, """
                ["essen","bochum"]""");
        Answer disabled = api.json("POST", "/api/identity/users/redaktion-essen/disabling", admin, null);

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body()).containsEntry("username", "redaktion-essen").containsEntry("enabled", true)
                .doesNotContainKeys("password", "passwordHash");
        assertThat(changed.body()).containsEntry("roles", List.of("admin", "editor"));
        assertThat(cities.body()).containsEntry("cities", List.of("bochum", "essen"));
        assertThat(disabled.body()).containsEntry("enabled", false);
        List<Map<String, Object>> audit = jdbc.sql("""
                SELECT actor, subject, action, what FROM account_audit WHERE subject = 'redaktion-essen' ORDER BY id""")
                .query().listOfRows();
        assertThat(audit).extracting(row -> row.get("action"))
                .containsExactly("created", "roles-changed", "cities-changed", "disabled");
        assertThat(audit).allSatisfy(row -> assertThat(row.get("actor")).isEqualTo("admin"));
        assertThat(audit.get(2).get("what")).isEqualTo("cities [essen] -> [bochum, essen]");
        assertThat(api.json("GET", "/api/identity/users/redaktion-essen/audit", admin, null).raw())
                .contains("cities-changed");
        assertThat(jdbc.sql("SELECT password_hash FROM account WHERE username = 'redaktion-essen'")
                .query(String.class).single()).startsWith("{bcrypt}").doesNotContain("essen-passwort-1");
    }

    @Test
    void a_fresh_installation_has_an_administrator_and_an_editor_for_each_demo_city() {
        assertThat(accounts.find("redaktion-dortmund")).hasValueSatisfying(editor -> {
            assertThat(editor.roles()).containsExactly("editor");
            assertThat(editor.cities()).containsExactly("dortmund");
            assertThat(editor.enabled()).isTrue();
        });
        assertThat(jdbc.sql("SELECT actor FROM account_audit WHERE subject = 'admin' AND action = 'created'")
                .query(String.class).single()).isEqualTo("seed");
    }

    @Test
    void bad_input_is_answered_with_a_problem_naming_every_field_at_fault() {
        Answer refused = new Browser(port).json("POST", "/api/identity/users", admin, """
                {"username":"X","password":"short","roles":["superuser"],"cities":["Not A Slug"]}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.raw()).contains("\"username\"", "\"password\"", "\"roles\"", "\"cities\"");
        assertThat(new Browser(port).json("POST", "/api/identity/users", admin, "{not json").status()).isEqualTo(400);
    }

    @Test
    void without_a_token_the_api_answers_401_and_to_an_editor_403() {
        Browser api = new Browser(port);
        String editor = api.token(Map.of("grant_type", "client_credentials"), "stadtportal-cli",
                "stadtportal-cli-dev-secret").string("access_token");

        Answer anonymous = api.json("GET", "/api/identity/users", null, null);
        Answer forged = api.json("GET", "/api/identity/users", "not.a.token", null);
        Answer notAdmin = api.json("POST", "/api/identity/users", editor, """
                {"username":"sneaky","password":"sneaky-passwort-1","roles":["admin"],"cities":[]}""");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.contentType()).startsWith("application/problem+json");
        assertThat(accounts.find("sneaky")).isEmpty();
    }

    @Test
    void a_person_nobody_knows_is_not_found() {
        assertThat(new Browser(port).json("PATCH", "/api/identity/users/niemand", admin, "{\"enabled\":false}")
                .status()).isEqualTo(404);
    }

    @Test
    void a_refreshed_token_carries_the_cities_an_administrator_set_since() {
        accounts.seed(new CreateAccount("redaktion-ruhr", "ruhr-passwort-123", Set.of("editor"), Set.of("essen")));
        Browser browser = new Browser(port);
        Answer tokens = TheApp.signIn(browser, "redaktion-ruhr", "ruhr-passwort-123");

        new Browser(port).json("PUT", "/api/identity/users/redaktion-ruhr/cities", admin, "[\"essen\",\"herne\"]");
        Answer refreshed = TheApp.refresh(browser, tokens.string("refresh_token"));

        assertThat(Verifier.verify(port, tokens.string("access_token")).getClaimAsStringList("cities"))
                .containsExactly("essen");
        assertThat(Verifier.verify(port, refreshed.string("access_token")).getClaimAsStringList("cities"))
                .containsExactly("essen", "herne");
    }

    @Test
    void a_disabled_person_can_neither_refresh_nor_get_a_new_code_from_her_session() {
        accounts.seed(new CreateAccount("redaktion-gelsenkirchen", "gelsen-passwort-1", Set.of("editor"),
                Set.of("gelsenkirchen")));
        Browser browser = new Browser(port);
        Answer tokens = TheApp.signIn(browser, "redaktion-gelsenkirchen", "gelsen-passwort-1");
        assertThat(tokens.status()).isEqualTo(200);

        new Browser(port).json("POST", "/api/identity/users/redaktion-gelsenkirchen/disabling", admin, null);

        Answer refreshed = TheApp.refresh(browser, tokens.string("refresh_token"));
        assertThat(refreshed.status()).isEqualTo(400);
        assertThat(refreshed.string("error")).isEqualTo("invalid_grant");
        var again = browser.get("/oauth2/authorize?" + Browser.encode(AuthorizationCodeFlowIT.request("stadtportal-app",
                Browser.verifier(), TheApp.LOOPBACK)));
        assertThat(Browser.location(again)).doesNotContain("code=").contains("/login");
        assertThat(Browser.location(new Browser(port).signIn("redaktion-gelsenkirchen", "gelsen-passwort-1")))
                .endsWith("/login?error");
    }
}
