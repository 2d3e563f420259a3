package de.stadtportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.testing.security.Tokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ResilienceIT extends GatewayTest {

    @Test
    void a_hanging_backend_is_answered_with_a_503_problem_once_its_timeout_has_passed() {
        String marker = marker();
        web.get().uri("/api/search/" + marker + "/hang").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("search")
                        .contains("did not answer in time"))
                .jsonPath("$.instance").isEqualTo("/api/search/" + marker + "/hang");
        assertThat(SEARCH.seenWith(marker)).as("a timed-out read is not retried").hasSize(1);
    }

    @Test
    void a_dead_backend_opens_its_breaker_and_then_requests_are_refused_without_trying_it() {
        EVENTS.down();
        CircuitBreaker events = breakers.circuitBreaker("events");
        int minimumCalls = events.getCircuitBreakerConfig().getMinimumNumberOfCalls();

        for (int call = 0; call < minimumCalls; call++) {
            web.get().uri("/api/events?city=bochum").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(events.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        EVENTS.up();
        String marker = marker();
        web.get().uri("/api/events?city=bochum&probe=" + marker).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("open"));
        assertThat(EVENTS.seenWith(marker)).as("an open breaker does not call the backend").isEmpty();
        assertThat(breakers.circuitBreaker("content").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void a_read_that_meets_a_passing_failure_is_retried_but_a_write_is_not() {
        String read = marker();
        web.get().uri("/api/venues/flaky-" + read).exchange().expectStatus().isOk();
        assertThat(EVENTS.seenWith(read)).hasSize(2);

        String write = marker();
        web.put().uri("/api/venues/flaky-" + write).headers(headers -> headers.setBearerAuth(Tokens.editor("bochum")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Musikforum\"}")
                .exchange().expectStatus().isEqualTo(503);
        assertThat(EVENTS.seenWith(write)).hasSize(1);
    }

    @Test
    void a_backend_error_answer_is_passed_through_unchanged() {
        web.get().uri("/api/cities/atlantis").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.title").isEqualTo("Not found");
    }
}
