package de.stadtportal.web;

import de.stadtportal.contracts.Traceparent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Tells the client and the outbox which trace a request belongs to.
 * <p>
 * The tracing library decides the trace: the server span of this request continues a valid
 * incoming {@code traceparent} or starts a new trace. This filter only reads that span and answers
 * with it (so an app or a support desk can find the trace of a request) and puts it into the
 * Reactor context, from where the outbox stores it with every event the request causes; the relay
 * continues the trace from there. Without a tracer (a service that runs without tracing), a valid
 * incoming {@code traceparent} is kept as is, or a new one is started.
 */
public class TraceparentFilter implements WebFilter, Ordered {

    private final Propagator propagator;

    /** @param propagator the tracing library's, or {@code null} when the service runs without tracing */
    public TraceparentFilter(Propagator propagator) {
        this.propagator = propagator;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceparent = ofServerSpan(exchange);
        if (traceparent == null) {
            String incoming = exchange.getRequest().getHeaders().getFirst(Traceparent.HEADER);
            traceparent = Traceparent.isValid(incoming) ? incoming : Traceparent.generate();
        }
        exchange.getResponse().getHeaders().set(Traceparent.HEADER, traceparent);
        return chain.filter(exchange).contextWrite(Context.of(Traceparent.CONTEXT_KEY, traceparent));
    }

    private String ofServerSpan(ServerWebExchange exchange) {
        if (propagator == null) {
            return null;
        }
        Span span = RequestTrace.serverSpan(exchange);
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        String traceparent = carrier.get(Traceparent.HEADER);
        return Traceparent.isValid(traceparent) ? traceparent : null;
    }
}
