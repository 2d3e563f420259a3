package de.stadtportal.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Adds the security headers Spring Security leaves out by default. {@code X-Content-Type-Options},
 * {@code X-Frame-Options: DENY} and HSTS (on https requests only) are already written by the
 * security chain of the web module; an API has no page to refer from, so {@code Referrer-Policy}
 * is {@code no-referrer}. Written just before the response commits so a backend cannot lose it.
 */
class SecurityHeadersFilter implements WebFilter, Ordered {

    static final String REFERRER_POLICY = "Referrer-Policy";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(REFERRER_POLICY, "no-referrer");
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
