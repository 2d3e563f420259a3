package de.stadtportal.identity;

import static de.stadtportal.identity.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.identity.Browser.Answer;
import de.stadtportal.identity.account.application.AccountService;
import de.stadtportal.identity.account.application.CreateAccount;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.infrastructure.PostgresServer;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Two provider instances on one database, as behind a load balancer: they sign with the same keys,
 * pick up each other's rotations and count failed sign-ins together. Both run on one clock the test
 * moves, so a sign-in wait passes without sleeping.
 */
class TwoInstancesIT {

    static final String PASSWORD = "witten-passwort-5";
    static final String CLI_SECRET = "stadtportal-cli-dev-secret";

    static final MovableClock CLOCK = new MovableClock();
    static ConfigurableApplicationContext one;
    static ConfigurableApplicationContext other;

    @BeforeAll
    static void two_instances_share_a_database() {
        PostgresServer postgres = Infrastructure.get().postgres();
        String database = "identity_two_" + ProcessHandle.current().pid();
        postgres.createDatabase(database);
        one = start(postgres, database);
        other = start(postgres, database);
        one.getBean(AccountService.class).seed(new CreateAccount("redaktion-witten", PASSWORD, Set.of("editor"),
                Set.of("witten")));
    }

    @AfterAll
    static void stop() {
        if (other != null) {
            other.close();
        }
        if (one != null) {
            one.close();
        }
    }

    @BeforeEach
    @AfterEach
    void back_to_the_present_with_no_failures() {
        CLOCK.reset();
        one.getBean(JdbcClient.class).sql("DELETE FROM sign_in_failure").update();
    }

    @Test
    void a_token_issued_by_one_instance_verifies_against_the_others_jwk_set() {
        String token = clientToken(one);

        Jwt verified = Verifier.verify(port(other), token);

        assertThat(verified.getSubject()).isEqualTo("stadtportal-cli");
        assertThat(verified.getIssuer().toString()).isEqualTo(Verifier.ISSUER);
    }

    @Test
    void a_rotation_on_one_instance_is_published_and_used_by_the_other_after_its_reload() {
        String before = kid(clientToken(other));
        String admin = clientToken(one);

        Answer rotated = new Browser(port(one)).json("POST", "/api/identity/keys/rotation", admin, null);
        assertThat(rotated.status()).as(rotated.raw()).isIn(200, 201);
        String after = kid(clientToken(one));
        assertThat(after).isNotEqualTo(before);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kids(other)).contains(before, after));
        assertThat(kid(clientToken(other))).isEqualTo(after);
        assertThat(Verifier.verify(port(other), clientToken(one)).getSubject()).isEqualTo("stadtportal-cli");
        assertThat(Verifier.verify(port(one), admin).getSubject()).as("a token of the old key still verifies")
                .isEqualTo("stadtportal-cli");
    }

    @Test
    void failures_counted_on_one_instance_make_the_other_wait_until_the_wait_has_passed() {
        CLOCK.freeze();
        for (int i = 0; i < 3; i++) {
            assertThat(location(new Browser(port(one)).signIn("redaktion-witten", "guess-" + i)))
                    .endsWith("/login?error");
        }

        HttpResponse<String> waiting = new Browser(port(other)).signIn("redaktion-witten", PASSWORD);
        CLOCK.advance(Duration.ofSeconds(59));
        HttpResponse<String> stillWaiting = new Browser(port(other)).signIn("redaktion-witten", PASSWORD);
        CLOCK.advance(Duration.ofSeconds(2));
        HttpResponse<String> afterTheWait = new Browser(port(other)).signIn("redaktion-witten", PASSWORD);

        assertThat(location(waiting)).endsWith("/login?error");
        assertThat(location(stillWaiting)).endsWith("/login?error");
        assertThat(afterTheWait.statusCode()).isEqualTo(302);
        assertThat(location(afterTheWait)).doesNotContain("/login");
        assertThat(one.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM sign_in_failure WHERE subject = 'user:redaktion-witten'")
                .query(Integer.class).single()).as("a success forgets the name's failures").isZero();
    }

    private static ConfigurableApplicationContext start(PostgresServer postgres, String database) {
        return new SpringApplicationBuilder(IdentityApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("movableClock",
                        Clock.class, () -> CLOCK, definition -> definition.setPrimary(true)))
                .run("--server.port=0",
                        "--management.server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + postgres.jdbcUrl(database),
                        "--spring.datasource.username=" + postgres.username(),
                        "--spring.datasource.password=" + postgres.password(),
                        "--spring.datasource.hikari.maximum-pool-size=3",
                        "--stadtportal.identity.issuer=" + Verifier.ISSUER,
                        "--stadtportal.identity.seed.enabled=false",
                        "--stadtportal.identity.keys.reload-interval=1s",
                        "--stadtportal.identity.sign-in.free-failures-per-user=3",
                        "--stadtportal.identity.sign-in.free-failures-per-address=6");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String clientToken(ConfigurableApplicationContext context) {
        Answer tokens = new Browser(port(context)).token(Map.of("grant_type", "client_credentials"),
                "stadtportal-cli", CLI_SECRET);
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        return tokens.string("access_token");
    }

    private static String kid(String token) {
        return (String) Verifier.verify(port(one), token).getHeaders().get("kid");
    }

    @SuppressWarnings("unchecked")
    private static List<String> kids(ConfigurableApplicationContext context) {
        List<Map<String, Object>> keys = (List<Map<String, Object>>) new Browser(port(context))
                .json("GET", "/oauth2/jwks", null, null).body().get("keys");
        return keys.stream().map(key -> (String) key.get("kid")).toList();
    }

    /** The present, or a moment the test holds and moves; shared by both instances. */
    static final class MovableClock extends Clock {

        private volatile Instant frozen;

        /** Stops the clock where it is, so that only {@link #advance} moves it. */
        void freeze() {
            frozen = Instant.now();
        }

        void advance(Duration by) {
            frozen = frozen.plus(by);
        }

        void reset() {
            frozen = null;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            Instant at = frozen;
            return at == null ? Instant.now() : at;
        }
    }
}
