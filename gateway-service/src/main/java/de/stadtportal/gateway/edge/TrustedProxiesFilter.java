package de.stadtportal.gateway.edge;

import de.stadtportal.gateway.GatewayProperties.ForwardedHeader;
import de.stadtportal.gateway.edge.domain.ClientAddress;
import de.stadtportal.gateway.edge.domain.ForwardedChain;
import de.stadtportal.gateway.edge.domain.TrustedProxies;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Believes forwarded headers from trusted proxies only. When the connection comes from one, the
 * request's remote address becomes the right-most client no trusted proxy vouches for (see
 * {@link ForwardedChain}) and its scheme the one that proxy reports, so the rate limit keys the
 * real client and HSTS is sent for requests that came in over https. From anyone else the headers
 * change nothing: the peer is the client.
 *
 * <p>This replaces Spring's {@code server.forward-headers-strategy}, which the gateway keeps at
 * {@code none}: both of its strategies take the left-most {@code X-Forwarded-For} entry, which the
 * client writes, and know no trusted proxies.
 */
class TrustedProxiesFilter implements WebFilter, Ordered {

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String FORWARDED = "Forwarded";

    private final TrustedProxies trusted;
    private final ForwardedHeader header;

    TrustedProxiesFilter(TrustedProxies trusted, ForwardedHeader header) {
        this.trusted = trusted;
        this.header = header;
    }

    /** Before CORS, the body limit, the token check and the rate limit, which all see the client. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 3;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        InetSocketAddress peer = request.getRemoteAddress();
        if (peer == null || peer.getAddress() == null || !trusted.trust(peer.getAddress())) {
            return chain.filter(exchange);
        }
        ForwardedChain forwarded = chain(request.getHeaders());
        ClientAddress client = forwarded.client(peer.getAddress(), trusted);
        Optional<String> scheme = forwarded.scheme(peer.getAddress(), trusted);
        ServerHttpRequest.Builder changed = request.mutate().remoteAddress(new InetSocketAddress(client.address(), 0));
        scheme.ifPresent(reported -> changed.uri(withScheme(request.getURI(), reported)));
        return chain.filter(exchange.mutate().request(changed.build()).build());
    }

    private static URI withScheme(URI uri, String scheme) {
        return uri.getScheme() == null ? uri : URI.create(scheme + uri.toString().substring(uri.getScheme().length()));
    }

    private ForwardedChain chain(HttpHeaders headers) {
        return switch (header) {
            case X_FORWARDED_FOR -> ForwardedChain.ofXForwarded(headers.getOrEmpty(X_FORWARDED_FOR),
                    headers.getOrEmpty(X_FORWARDED_PROTO));
            case FORWARDED -> ForwardedChain.ofForwarded(headers.getOrEmpty(FORWARDED));
        };
    }
}
