package de.stadtportal.gateway.ratelimit;

import de.stadtportal.gateway.ratelimit.domain.ClientKey;
import java.net.InetSocketAddress;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes one token per request from its client address's read or write bucket, before the token
 * check, and answers 429 with {@code Retry-After} when it is empty. Before the check nobody knows
 * whose a token is, so its subject cannot choose the bucket (a forged token would mint itself a
 * fresh one); and a request that is refused here costs no signature check, so a flood of forged or
 * expired tokens meets 429 like any other flood. A request whose token is then verified pays from
 * its subject's bucket instead and gets the address's token back ({@link SubjectRateLimitFilter}).
 *
 * <p>The address is the request's remote address, which {@code edge} has already set to the client
 * behind trusted proxies; IPv6 clients are keyed by their /64 ({@link ClientKey}).
 */
class RateLimitFilter implements WebFilter, Ordered {

    /** Just before Spring Security's filter chain (order -100, {@code WebFluxSecurityConfiguration}). */
    static final int ORDER = -110;

    /** The bucket this filter took the request's token from, for {@link SubjectRateLimitFilter} to give it back. */
    static final String ADDRESS_BUCKET = RateLimitFilter.class.getName() + ".addressBucket";

    private final Budgets budgets;

    RateLimitFilter(Budgets budgets) {
        this.budgets = budgets;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean read = Budgets.isRead(exchange);
        String bucket = address(exchange).bucket(read);
        return budgets.take(bucket, read).flatMap(take -> {
            if (take.allowed()) {
                exchange.getAttributes().put(ADDRESS_BUCKET, bucket);
            }
            return budgets.passOrRefuse(take, read, exchange, chain);
        });
    }

    private static ClientKey address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? ClientKey.UNKNOWN_ADDRESS
                : ClientKey.ofAddress(remote.getAddress());
    }
}
