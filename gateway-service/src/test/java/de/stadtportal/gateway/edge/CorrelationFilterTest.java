package de.stadtportal.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CorrelationFilterTest {

    private static final String CLIENTS = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String GATEWAYS = "00-4bf92f3577b34da6a3ce929d0e0e4736-a3ce929d0e0e4736-01";

    @Test
    void the_backend_gets_the_gateways_server_span_as_its_parent() {
        ServerHttpRequest seen = passedOn(new CorrelationFilter(true));

        assertThat(seen.getHeaders().get("traceparent")).containsExactly(GATEWAYS);
    }

    @Test
    void with_client_spans_on_the_tracing_library_hands_on_the_trace_and_the_header_is_left_alone() {
        ServerHttpRequest seen = passedOn(new CorrelationFilter(false));

        assertThat(seen.getHeaders().get("traceparent")).containsExactly(CLIENTS);
    }

    @Test
    void the_backend_gets_the_request_id_the_client_sent() {
        ServerHttpRequest seen = passedOn(new CorrelationFilter(true));

        assertThat(seen.getHeaders().get("X-Request-Id")).containsExactly("app-7f3a");
    }

    /** The request as the next filter sees it; the server span's traceparent is in the response already. */
    private static ServerHttpRequest passedOn(CorrelationFilter filter) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/events")
                .header("traceparent", CLIENTS).header("X-Request-Id", "app-7f3a"));
        exchange.getResponse().getHeaders().set("traceparent", GATEWAYS);
        AtomicReference<ServerHttpRequest> seen = new AtomicReference<>();
        StepVerifier.create(filter.filter(exchange, next -> {
            seen.set(next.getRequest());
            return Mono.empty();
        })).verifyComplete();
        return seen.get();
    }
}
