package de.stadtportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.testing.security.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class RateLimitIT extends GatewayTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void a_burst_of_writes_gets_429_with_retry_after_while_the_same_clients_reads_still_pass() {
        String token = Tokens.editor("bochum");
        double rejectedBefore = rejected("write");
        for (int write = 0; write < WRITES_PER_MINUTE; write++) {
            post(token).expectStatus().isOk();
        }

        post(token)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L))
                .expectBody().jsonPath("$.status").isEqualTo(429);

        web.get().uri("/api/cities/bochum/articles").headers(headers -> headers.setBearerAuth(token))
                .exchange().expectStatus().isOk();
        assertThat(rejected("write")).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void each_token_subject_has_its_own_allowance() {
        String exhausted = Tokens.editor("bochum");
        for (int write = 0; write <= WRITES_PER_MINUTE; write++) {
            post(exhausted);
        }
        post(exhausted).expectStatus().isEqualTo(429);

        post(Tokens.editor("bochum")).expectStatus().isOk();
    }

    @Test
    void a_verified_editor_pays_from_its_own_budget_and_leaves_its_addresses_untouched() {
        String editor = Tokens.editor("bochum");
        for (int write = 0; write < WRITES_PER_MINUTE; write++) {
            post(editor).expectStatus().isOk();
        }
        post(editor).expectStatus().isEqualTo(429);

        for (int write = 0; write < WRITES_PER_MINUTE; write++) {
            post(web, "", Map.of()).expectStatus().isUnauthorized();
        }
        post(web, "", Map.of()).expectStatus().isEqualTo(429);
    }

    @Test
    void a_flood_of_forged_tokens_meets_429_and_once_limited_costs_no_signature_check() {
        String forged = Tokens.builder().roles("editor").cities("bochum").forged().sign();
        long checksBefore = TokenChecks.count();
        for (int write = 0; write < WRITES_PER_MINUTE; write++) {
            post(forged).expectStatus().isUnauthorized();
        }
        assertThat(TokenChecks.count()).isEqualTo(checksBefore + WRITES_PER_MINUTE);

        for (int write = 0; write < 20; write++) {
            post(forged).expectStatus().isEqualTo(429)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        post(Tokens.builder().roles("editor").cities("bochum").expired().sign()).expectStatus().isEqualTo(429);

        assertThat(TokenChecks.count()).as("token checks after the limit").isEqualTo(checksBefore + WRITES_PER_MINUTE);
    }

    @Test
    void a_client_that_is_no_trusted_proxy_cannot_pick_its_bucket_with_forwarded_headers() {
        for (int write = 0; write < WRITES_PER_MINUTE; write++) {
            String spoofed = "198.51.100." + (write + 1);
            post(web, "", Map.of("X-Forwarded-For", spoofed, "Forwarded", "for=" + spoofed, "X-Real-IP", spoofed))
                    .expectStatus().isUnauthorized();
        }

        post(web, "", Map.of("X-Forwarded-For", "198.51.100.99", "Forwarded", "for=\"[2001:db8::99]\""))
                .expectStatus().isEqualTo(429);
    }

    @Test
    void behind_a_trusted_proxy_the_right_most_client_it_names_pays_whatever_the_client_wrote_left_of_it() {
        WebTestClient proxy = from(PROXY);
        for (int write = 0; write < WRITES_PER_MINUTE; write++) {
            post(proxy, "", Map.of("X-Forwarded-For", "6.6.6." + write + ", 203.0.113.20")).expectStatus().isUnauthorized();
        }
        post(proxy, "", Map.of("X-Forwarded-For", "203.0.113.20")).expectStatus().isEqualTo(429);

        post(proxy, "", Map.of("X-Forwarded-For", "203.0.113.20, 203.0.113.21")).expectStatus().isUnauthorized();
        post(proxy, "", Map.of()).expectStatus().isUnauthorized();
    }

    @Test
    void a_visitor_reaches_the_portal_as_itself_whatever_it_wrote_and_the_portals_reads_for_it_pay_from_its_budget() {
        String visitor = "127.0.200.9";
        String marker = marker();
        from(visitor).get().uri("/bochum").header("X-Request-Id", marker).header("X-Forwarded-For", "198.51.100.66")
                .accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
        String chain = PORTAL.seenWith(marker).get(0).header("X-Forwarded-For");
        assertThat(chain).as("the address the portal gets").isEqualTo(visitor);
        String behindProxy = marker();
        from(PROXY).get().uri("/bochum").header("X-Request-Id", behindProxy)
                .header("X-Forwarded-For", "6.6.6.6, 203.0.113.40").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk();
        assertThat(PORTAL.seenWith(behindProxy).get(0).header("X-Forwarded-For")).isEqualTo("203.0.113.40");

        WebTestClient portal = from(PROXY);
        for (int write = 0; write < WRITES_PER_MINUTE; write++) {
            post(portal, "", Map.of("X-Forwarded-For", chain + ", " + PROXY)).expectStatus().isUnauthorized();
        }

        post(from(visitor), "", Map.of()).expectStatus().isEqualTo(429);
        post(portal, "", Map.of("X-Forwarded-For", "198.51.100.66")).expectStatus().isUnauthorized();
    }

    @Test
    void ipv6_clients_behind_a_trusted_proxy_share_one_bucket_per_64_block() {
        WebTestClient proxy = from(PROXY);
        for (int write = 0; write < WRITES_PER_MINUTE; write++) {
            post(proxy, "", Map.of("X-Forwarded-For", "2001:db8:20:1:" + Integer.toHexString(write * 4099) + "::1"))
                    .expectStatus().isUnauthorized();
        }
        post(proxy, "", Map.of("X-Forwarded-For", "2001:db8:20:1:ffff:ffff:ffff:ffff")).expectStatus().isEqualTo(429);
        post(proxy, "", Map.of("X-Forwarded-For", "::ffff:203.0.113.30")).expectStatus().isUnauthorized();

        post(proxy, "", Map.of("X-Forwarded-For", "2001:db8:20:2::1")).expectStatus().isUnauthorized();
    }

    @Test
    void however_many_addresses_come_the_in_memory_store_holds_at_most_its_size() {
        WebTestClient proxy = from(PROXY);
        for (int client = 0; client < MAX_CLIENTS + 300; client++) {
            String address = "198.18." + client / 250 + "." + (client % 250 + 1);
            post(proxy, "", Map.of("X-Forwarded-For", address))
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.status").isEqualTo(401);
        }

        assertThat(meters.get("stadtportal.gateway.ratelimit.clients").gauge().value())
                .isGreaterThan(0).isLessThanOrEqualTo(MAX_CLIENTS);
    }

    @Test
    void with_buckets_in_memory_the_gateway_is_healthy_without_any_redis() {
        management().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    private WebTestClient.ResponseSpec post(String token) {
        return post(web, token, Map.of());
    }

    private static WebTestClient.ResponseSpec post(WebTestClient client, String token, Map<String, String> headers) {
        Consumer<HttpHeaders> withHeaders = sent -> {
            if (!token.isEmpty()) {
                sent.setBearerAuth(token);
            }
            headers.forEach(sent::set);
        };
        return client.post().uri("/api/cities/bochum/articles").headers(withHeaders)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"Neu\"}").exchange();
    }

    private double rejected(String kind) {
        var counter = meters.find("stadtportal.gateway.ratelimit.rejected").tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }
}
