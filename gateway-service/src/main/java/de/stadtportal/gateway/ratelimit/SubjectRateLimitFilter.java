package de.stadtportal.gateway.ratelimit;

import de.stadtportal.gateway.ratelimit.domain.ClientKey;
import de.stadtportal.web.security.Callers;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * After the token check: a request whose token was verified pays from its subject's bucket, and its
 * address's token goes back. So an editor has a budget of its own wherever it works from, a
 * newsroom behind one address is not limited as one client, and a stolen token spread over many
 * addresses is still one budget. Requests without a verified token have paid at their address
 * already ({@link RateLimitFilter}); a request with a bad token never gets here (401).
 */
class SubjectRateLimitFilter implements WebFilter, Ordered {

    /** After Spring Security's filter chain (order -100), so the caller is known. */
    static final int ORDER = -50;

    private final Budgets budgets;

    SubjectRateLimitFilter(Budgets budgets) {
        this.budgets = budgets;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String addressBucket = exchange.getAttribute(RateLimitFilter.ADDRESS_BUCKET);
        if (addressBucket == null) {
            return chain.filter(exchange);
        }
        boolean read = Budgets.isRead(exchange);
        return Callers.current().flatMap(caller -> {
            if (!caller.authenticated()) {
                return chain.filter(exchange);
            }
            String subjectBucket = ClientKey.ofSubject(caller.subject()).bucket(read);
            return Mono.zip(budgets.take(subjectBucket, read),
                            budgets.giveBack(addressBucket, read).thenReturn(Boolean.TRUE),
                            (take, givenBack) -> take)
                    .flatMap(take -> budgets.passOrRefuse(take, read, exchange, chain));
        });
    }
}
