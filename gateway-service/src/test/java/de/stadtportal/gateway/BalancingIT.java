package de.stadtportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.testing.security.Tokens;
import de.stadtportal.testing.security.TrustTestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway in front of two instances of events-service (two real HTTP servers) and one of
 * content-service: how reads and writes are spread, and what happens when one instance is gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TrustTestTokens
class BalancingIT {

    static final StandIn FIRST = StandIn.start("events");
    static final StandIn SECOND = StandIn.start("events");
    static final StandIn CONTENT = StandIn.start("content");
    private static final int CALLS = 12;
    /** How long the gateway leaves out an instance that refused or timed out (balancing.StaticInstances.EJECTION). */
    private static final Duration LEFT_OUT = Duration.ofSeconds(5);
    /** When the instances a test disturbed are offered again. */
    private static Instant allOffered = Instant.MIN;

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry breakers;

    WebTestClient web;

    @DynamicPropertySource
    static void twoEventsInstances(DynamicPropertyRegistry properties) {
        properties.add("stadtportal.gateway.events-uri", () -> FIRST.uri() + "," + SECOND.uri());
        properties.add("stadtportal.gateway.content-uri", () -> CONTENT.uri().toString());
        properties.add("stadtportal.gateway.rate-limit.reads.capacity", () -> 100_000);
        properties.add("stadtportal.gateway.rate-limit.writes.capacity", () -> 100_000);
        properties.add("stadtportal.gateway.timeouts.events-ms", () -> 1000);
    }

    @BeforeEach
    void bothInstancesUpAndBreakersClosed() {
        // each test starts with both instances offered, whatever the one before left out
        await().atMost(LEFT_OUT.plusSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(allOffered));
        FIRST.up();
        SECOND.up();
        CONTENT.up();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @AfterEach
    void noteWhenTheDisturbedInstancesAreOfferedAgain() {
        if (FIRST.disturbed() || SECOND.disturbed()) {
            allOffered = Instant.now().plus(LEFT_OUT).plusMillis(200);
        }
    }

    @Test
    void reads_are_spread_over_both_instances_each_read_reaching_one() {
        String marker = GatewayTest.marker();
        AtomicInteger reads = new AtomicInteger();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            web.get().uri("/api/venues/" + marker + "-" + reads.getAndIncrement()).exchange().expectStatus().isOk();
            return !FIRST.seenWith(marker).isEmpty() && !SECOND.seenWith(marker).isEmpty();
        });

        assertThat(FIRST.seenWith(marker).size() + SECOND.seenWith(marker).size()).isEqualTo(reads.get());
    }

    @Test
    void a_read_that_meets_the_dead_instance_is_answered_by_the_other() {
        FIRST.down();
        String marker = GatewayTest.marker();
        for (int call = 0; call < CALLS; call++) {
            web.get().uri("/api/venues/" + marker + "-" + call).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.service").isEqualTo("events");
        }

        assertThat(SECOND.seenWith(marker)).hasSize(CALLS);
        assertThat(breakers.circuitBreaker("events").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void a_write_is_never_retried_and_once_an_instance_refused_a_connection_writes_go_to_the_other() {
        FIRST.down();
        List<Integer> statuses = new ArrayList<>();
        String marker = GatewayTest.marker();
        for (int call = 0; call < CALLS; call++) {
            String path = "/api/venues/" + marker + "-" + call;
            statuses.add(web.put().uri(path).headers(headers -> headers.setBearerAuth(Tokens.editor("bochum")))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Musikforum\"}")
                    .exchange().returnResult(String.class).getStatus().value());
            int answered = SECOND.seenWith(marker + "-" + call).size();
            assertThat(answered).as("write %s reached the live instance at most once", call).isLessThanOrEqualTo(1);
            assertThat(statuses.get(call)).as("write %s: answered if it reached the live instance, else refused", call)
                    .isEqualTo(answered == 1 ? 200 : 503);
        }

        // round robin alone would send every second write to the dead instance
        assertThat(statuses.stream().filter(status -> status == 503).count())
                .as("writes refused by the dead instance before it was left out").isLessThan(CALLS / 2);
    }

    @Test
    void a_read_that_meets_a_stalled_instance_is_answered_by_the_other_which_then_takes_the_reads_alone() {
        SECOND.stall();
        String marker = GatewayTest.marker();
        for (int call = 0; call < CALLS; call++) {
            web.get().uri("/api/venues/" + marker + "-" + call).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.service").isEqualTo("events");
        }

        assertThat(FIRST.seenWith(marker)).as("every read answered by the live instance").hasSize(CALLS);
        // round robin alone would send it every second read; after its first timeout it is left out
        assertThat(SECOND.seenWith(marker)).as("reads that met the stalled instance").hasSize(1);
        assertThat(breakers.circuitBreaker("events").getState()).as("one stalled instance opens no breaker")
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void writes_go_to_the_other_instance_once_one_stalled_and_the_breaker_stays_closed() {
        SECOND.stall();
        String marker = GatewayTest.marker();
        List<Integer> statuses = new ArrayList<>();
        for (int call = 0; call < CALLS; call++) {
            statuses.add(web.put().uri("/api/venues/" + marker + "-" + call)
                    .headers(headers -> headers.setBearerAuth(Tokens.editor("bochum")))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Musikforum\"}")
                    .exchange().returnResult(String.class).getStatus().value());
        }

        int stalled = SECOND.seenWith(marker).size();
        assertThat(stalled).as("writes taken by the stalled instance, each answered 503 at the timeout, never retried")
                .isEqualTo(1);
        assertThat(statuses.stream().filter(status -> status == 503).count()).isEqualTo(stalled);
        assertThat(FIRST.seenWith(marker)).hasSize(CALLS - stalled);
        assertThat(breakers.circuitBreaker("events").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void the_home_aggregate_reads_its_events_from_the_instance_that_is_up() {
        FIRST.down();
        for (int call = 0; call < CALLS; call++) {
            web.get().uri("/api/cities/bochum/home").exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.partial").isEqualTo(false)
                    .jsonPath("$.events[0].title").isEqualTo("Sinfoniekonzert");
        }
    }
}
