package de.stadtportal.portal.api;

import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The portal is a proxy for its visitors: every API read it makes for a page carries the
 * {@code X-Forwarded-For} chain of the request that asked for the page, with the address the
 * request came from appended, as any proxy appends its peer. The gateway believes the chain only
 * from the trusted proxies it is configured with (the portal's address), and then takes the
 * right-most address no trusted proxy vouches for: so each visitor pays from its own rate-limit
 * budget instead of all of them from the portal's, and an entry a visitor wrote itself, left of
 * the address the gateway saw, changes nothing.
 *
 * <p>The chain travels in the Reactor context of the page's reads, set here for every request.
 */
@Component
public class VisitorAddress implements WebFilter {

    public static final String HEADER = "X-Forwarded-For";

    private static final String CHAIN = VisitorAddress.class.getName() + ".chain";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String forwarded = chain(request);
        return forwarded == null ? chain.filter(exchange)
                : chain.filter(exchange).contextWrite(context -> context.put(CHAIN, forwarded));
    }

    /** The chain to send on an API read made in this context, if a visitor's request started it. */
    static String of(ContextView context) {
        return context.getOrDefault(CHAIN, null);
    }

    private static String chain(ServerHttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        if (peer == null || peer.getAddress() == null) {
            return null;
        }
        List<String> received = request.getHeaders().getOrEmpty(HEADER);
        String address = peer.getAddress().getHostAddress();
        return received.isEmpty() ? address : String.join(", ", received) + ", " + address;
    }
}
