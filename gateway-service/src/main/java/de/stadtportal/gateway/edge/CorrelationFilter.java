package de.stadtportal.gateway.edge;

import de.stadtportal.contracts.Traceparent;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} the backend sees too, hands the trace on to the
 * backend, and answers the client with one {@code traceparent} and one request id.
 * <p>
 * The trace itself is the tracing library's. The gateway's server span (its {@code traceparent} is
 * already in the response, set by the web module's traceparent filter) goes to the backend as its
 * parent: the gateway makes no client span of its own per proxied call (see {@code application.yml}).
 * When that client span is turned on ({@code GATEWAY_CLIENT_OBSERVATIONS=true}), the library sends
 * it instead and this filter leaves the header alone. A backend answers with its own span; the
 * client gets the gateway's, the entry point of the trace. A client's request id is kept when it
 * looks like an id, so support can find a request by what the app logged.
 */
class CorrelationFilter implements WebFilter, Ordered {

    static final String REQUEST_ID = "X-Request-Id";

    private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final RequestIds ids = new RequestIds();
    private final boolean sendsServerSpan;

    /** @param sendsServerSpan whether the backend is to get the server span (no client span of the library's) */
    CorrelationFilter(boolean sendsServerSpan) {
        this.sendsServerSpan = sendsServerSpan;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceparent = exchange.getResponse().getHeaders().getFirst(Traceparent.HEADER);
        String incoming = exchange.getRequest().getHeaders().getFirst(REQUEST_ID);
        String requestId = incoming != null && ACCEPTABLE_ID.matcher(incoming).matches() ? incoming : ids.next();
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> toBackend(headers, requestId, traceparent))
                .build();
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

    private void toBackend(HttpHeaders headers, String requestId, String traceparent) {
        headers.set(REQUEST_ID, requestId);
        if (sendsServerSpan && traceparent != null) {
            headers.set(Traceparent.HEADER, traceparent);
        }
    }
}
