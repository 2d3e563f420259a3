package de.stadtportal.web;

import de.stadtportal.web.problem.ApiProblem;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a declared body over the limit before reading it (413). Bodies without a length are
 * bounded by the codecs' in-memory limit, which the problem handler also answers with 413.
 */
public class RequestSizeLimitFilter implements WebFilter, Ordered {

    public static final int LIMIT_BYTES = 256 * 1024;

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > LIMIT_BYTES) {
            return Mono.error(ApiProblem.payloadTooLarge(LIMIT_BYTES));
        }
        return chain.filter(exchange);
    }
}
