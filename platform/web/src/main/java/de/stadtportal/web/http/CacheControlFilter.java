package de.stadtportal.web.http;

import java.time.Duration;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One {@code Cache-Control} policy for every service, applied to each answer that does not set its
 * own (a handler sets one where a resource needs something else, such as the iCalendar feed):
 * <ul>
 * <li>a public read with an ETag (one event, venue, article, city, the highlights):
 *     {@code public, no-cache}: any cache may keep it but revalidates it each time, which costs a
 *     304 without body;</li>
 * <li>a public read without an ETag (lists, searches, suggestions): {@code public, max-age} of
 *     {@code stadtportal.web.public-list-max-age} (30 s): briefly stale at most;</li>
 * <li>everything else: {@code private, no-store}: every answer to a request with credentials (an
 *     editor's view, drafts, revisions, the reindex status), every write, every error, actuator.</li>
 * </ul>
 * The decision is taken when the answer is committed, so it sees the status and headers the
 * handler produced.
 */
public class CacheControlFilter implements WebFilter, Ordered {

    static final String PUBLIC_REVALIDATE = CacheControl.noCache().cachePublic().getHeaderValue();
    static final String PRIVATE = CacheControl.noStore().cachePrivate().getHeaderValue();

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final String publicList;

    public CacheControlFilter(Duration publicListMaxAge) {
        this.publicList = CacheControl.maxAge(publicListMaxAge).cachePublic().getHeaderValue();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> Mono.fromRunnable(() -> {
            HttpHeaders headers = response.getHeaders();
            if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                headers.setCacheControl(policy(exchange.getRequest(), response.getStatusCode(), headers));
            }
        }));
        return chain.filter(exchange);
    }

    private String policy(ServerHttpRequest request, HttpStatusCode status, HttpHeaders headers) {
        boolean publicRead = READS.contains(request.getMethod())
                && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                && !request.getPath().value().startsWith("/actuator")
                && status != null && (status.is2xxSuccessful() || status.value() == 304);
        if (!publicRead) {
            return PRIVATE;
        }
        return headers.getETag() != null ? PUBLIC_REVALIDATE : publicList;
    }
}
