package de.stadtportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.testing.security.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

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
    void with_buckets_in_memory_the_gateway_is_healthy_without_any_redis() {
        management().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String token) {
        return web.post().uri("/api/cities/bochum/articles").headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"Neu\"}").exchange();
    }

    private double rejected(String kind) {
        var counter = meters.find("stadtportal.gateway.ratelimit.rejected").tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }
}
