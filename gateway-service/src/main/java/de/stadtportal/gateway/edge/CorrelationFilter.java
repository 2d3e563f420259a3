package de.stadtportal.gateway.edge;

import de.stadtportal.contracts.Traceparent;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} the backend sees too, and answers the client with
 * one {@code traceparent} and one request id. The trace itself is the tracing library's: the
 * gateway's call to a backend carries the gateway's client span as the backend's parent. A backend
 * answers with its own span; the client gets the gateway's (set by the web module's traceparent
 * filter), the entry point of the trace. A client's request id is kept when it looks like an id, so
 * support can find a request by what the app logged.
 */
class CorrelationFilter implements WebFilter, Ordered {

    static final String REQUEST_ID = "X-Request-Id";

    private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceparent = exchange.getResponse().getHeaders().getFirst(Traceparent.HEADER);
        String incoming = exchange.getRequest().getHeaders().getFirst(REQUEST_ID);
        String requestId = incoming != null && ACCEPTABLE_ID.matcher(incoming).matches() ? incoming
                : UUID.randomUUID().toString();
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(REQUEST_ID, requestId))
                .build();
        exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
        // a backend echoes both headers too; the client gets each once
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
            if (traceparent != null) {
                exchange.getResponse().getHeaders().set(Traceparent.HEADER, traceparent);
            }
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request).build());
    }
}
