package de.stadtportal.gateway;

import de.stadtportal.testing.security.TrustTestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one gateway context all integration tests share: the real gateway in front of three real
 * HTTP servers standing in for content, events and search. Limits and timeouts are set small here
 * so that bursts and hangs are quick to provoke; every test starts with all backends up and all
 * breakers closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@TrustTestTokens
abstract class GatewayTest {

    static final StandIn CONTENT = StandIn.start("content");
    static final StandIn EVENTS = StandIn.start("events");
    static final StandIn SEARCH = StandIn.start("search");

    static final String ALLOWED_ORIGIN = "https://www.bochum.example";
    static final int WRITES_PER_MINUTE = 5;
    static final int SEARCH_TIMEOUT_MS = 1000;

    @Autowired
    WebTestClient web;

    @Autowired
    CircuitBreakerRegistry breakers;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void gatewayInFrontOfStandIns(DynamicPropertyRegistry properties) {
        properties.add("stadtportal.gateway.content-uri", () -> CONTENT.uri().toString());
        properties.add("stadtportal.gateway.events-uri", () -> EVENTS.uri().toString());
        properties.add("stadtportal.gateway.search-uri", () -> SEARCH.uri().toString());
        properties.add("stadtportal.gateway.timeouts.search-ms", () -> SEARCH_TIMEOUT_MS);
        properties.add("stadtportal.gateway.home.events-timeout", () -> "1s");
        properties.add("stadtportal.gateway.cors.allowed-origins", () -> ALLOWED_ORIGIN);
        properties.add("stadtportal.gateway.rate-limit.writes.capacity", () -> WRITES_PER_MINUTE);
        properties.add("stadtportal.gateway.rate-limit.reads.capacity", () -> 100_000);
    }

    @BeforeEach
    void allBackendsUpAndBreakersClosed() {
        CONTENT.up();
        EVENTS.up();
        SEARCH.up();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    /** The gateway's management port, where actuator answers; with room for a whole Prometheus scrape. */
    WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
                .build();
    }

    static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }
}
