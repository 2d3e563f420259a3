package de.stadtportal.gateway;

import de.stadtportal.testing.security.TrustTestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The one gateway context all integration tests share: the real gateway in front of four real
 * HTTP servers standing in for content, events, search and the city portal. Limits and timeouts are set small here
 * so that bursts and hangs are quick to provoke; every test starts with all backends up and all
 * breakers closed, and speaks from a loopback address of its own ({@code 127.0.1.1} and up), so that
 * no test spends another's address budget. {@link #PROXY} is the one trusted proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TrustTestTokens
@Import(TokenChecks.class)
abstract class GatewayTest {

    static final StandIn CONTENT = StandIn.start("content");
    static final StandIn EVENTS = StandIn.start("events");
    static final StandIn SEARCH = StandIn.start("search");
    static final StandIn PORTAL = StandIn.start("portal");

    static final String ALLOWED_ORIGIN = "https://www.bochum.example";
    static final int WRITES_PER_MINUTE = 5;
    static final int SEARCH_TIMEOUT_MS = 1000;
    static final String PROXY = "127.0.0.2";
    static final int MAX_CLIENTS = 1000;

    private static final AtomicInteger addresses = new AtomicInteger();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    WebTestClient web;

    @Autowired
    CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void gatewayInFrontOfStandIns(DynamicPropertyRegistry properties) {
        properties.add("stadtportal.gateway.content-uri", () -> CONTENT.uri().toString());
        properties.add("stadtportal.gateway.events-uri", () -> EVENTS.uri().toString());
        properties.add("stadtportal.gateway.search-uri", () -> SEARCH.uri().toString());
        properties.add("stadtportal.gateway.portal-web-uri", () -> PORTAL.uri().toString());
        properties.add("stadtportal.gateway.timeouts.search-ms", () -> SEARCH_TIMEOUT_MS);
        properties.add("stadtportal.gateway.home.events-timeout", () -> "1s");
        properties.add("stadtportal.gateway.cors.allowed-origins", () -> ALLOWED_ORIGIN);
        properties.add("stadtportal.gateway.rate-limit.writes.capacity", () -> WRITES_PER_MINUTE);
        properties.add("stadtportal.gateway.rate-limit.reads.capacity", () -> 100_000);
        properties.add("stadtportal.gateway.rate-limit.max-clients", () -> MAX_CLIENTS);
        properties.add("stadtportal.gateway.trusted-proxies", () -> PROXY);
    }

    @BeforeEach
    void allBackendsUpAndBreakersClosed() {
        web = from(nextAddress());
        CONTENT.up();
        EVENTS.up();
        SEARCH.up();
        PORTAL.up();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    /** A client whose connections come from {@code localAddress} (any of 127.0.0.0/8). */
    WebTestClient from(String localAddress) {
        HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(localAddress, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /**
     * The gateway's management port, where actuator answers, from an address no other call used (the
     * rate limit meets every request there too); with room for a whole Prometheus scrape.
     */
    WebTestClient management() {
        String address = nextAddress();
        HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
                .baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
                .build();
    }

    private static String nextAddress() {
        int address = addresses.incrementAndGet();
        return "127.0." + (address / 250 + 1) + "." + (address % 250 + 1);
    }

    static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }
}
