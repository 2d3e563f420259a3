package de.stadtportal.web;

import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One INFO line per answered request ({@code GET /api/events 200 12 ms, request 0193…}: method,
 * path, status, time and {@code X-Request-Id}) in the request's trace: the request's server span is
 * put in scope for the line ({@link RequestTrace}), so its trace and span id are in the MDC and in
 * every structured log line, whichever thread finished the request. The line goes to the console
 * through a queue ({@link AsyncAccessLog}), so the event loop never waits for stdout. The path is
 * logged without its query, which may hold what a person searched for; actuator's probes and
 * scrapes are not logged. On where {@code stadtportal.web.access-log=true} (the gateway, the
 * platform's one entrance); logger {@code de.stadtportal.web.AccessLog}.
 */
public class AccessLogFilter implements WebFilter, Ordered {

    static final String LOGGER = "de.stadtportal.web.AccessLog";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    /** The gateway's (set or kept by its correlation filter before this one runs). */
    private static final String REQUEST_ID = "X-Request-Id";
    /** Right after the traceparent filter, so that the time covers everything the service does. */
    private static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    private final Tracer tracer;

    /** @param tracer the tracing library's, or {@code null} when the service runs without tracing */
    public AccessLogFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        Mono<Void> handled = chain.filter(exchange);
        // the management port's probes and scrapes (every few seconds) are no one's requests
        boolean logged = log.isInfoEnabled() && !exchange.getRequest().getPath().value().startsWith("/actuator");
        return logged ? handled.doFinally(signal -> answered(exchange, started)) : handled;
    }

    /** Writes the line with the request's server span in scope, so that the MDC names its trace. */
    private void answered(ServerWebExchange exchange, long started) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        long millis = (System.nanoTime() - started) / 1_000_000;
        RequestTrace.logged(tracer, exchange, () -> line(exchange, status, millis));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static void line(ServerWebExchange exchange, HttpStatusCode status, long millis) {
        String requestId = exchange.getRequest().getHeaders().getFirst(REQUEST_ID);
        log.info("{} {} {} {} ms, request {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                status == null ? "-" : status.value(), millis, requestId == null ? "-" : requestId);
    }
}
