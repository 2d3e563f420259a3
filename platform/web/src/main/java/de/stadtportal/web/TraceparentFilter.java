package de.stadtportal.web;

import de.stadtportal.contracts.Traceparent;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Keeps the W3C trace of a request: a valid incoming {@code traceparent} is kept, otherwise a new
 * one starts. It is echoed on the response and put into the Reactor context, from where the outbox
 * stores it with every event the request causes.
 */
public class TraceparentFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(Traceparent.HEADER);
        String traceparent = Traceparent.isValid(incoming) ? incoming : Traceparent.generate();
        exchange.getResponse().getHeaders().set(Traceparent.HEADER, traceparent);
        return chain.filter(exchange).contextWrite(Context.of(Traceparent.CONTEXT_KEY, traceparent));
    }
}
