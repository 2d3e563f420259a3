package de.stadtportal.gateway.ratelimit;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the city portal who its visitor is: a request routed to portal-web carries the client
 * address the rate limit keys ({@code X-Forwarded-For}, one address, already resolved behind
 * trusted proxies by {@code edge}) instead of whatever chain the client wrote. The portal sends
 * it back on its API reads, and the gateway believes it from the portal's address when that is a
 * trusted proxy, so each visitor pays from its own budget rather than all of them from the portal's.
 */
class PortalVisitorAddress implements HttpHeadersFilter {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final String portalRoute;

    PortalVisitorAddress(String portalRoute) {
        this.portalRoute = portalRoute;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        InetSocketAddress client = exchange.getRequest().getRemoteAddress();
        if (route == null || !portalRoute.equals(route.getId()) || client == null || client.getAddress() == null) {
            return input;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.set(X_FORWARDED_FOR, client.getAddress().getHostAddress());
        return headers;
    }
}
