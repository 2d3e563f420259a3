package de.stadtportal.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace of a request, read from the exchange rather than from thread locals. A service that
 * runs with {@code spring.reactor.context-propagation=limited} (the gateway: restoring thread
 * locals around every operator costs it more than the few lines it logs per request) has no current
 * span on the thread that finishes a request; a line written {@linkplain #logged with the request's
 * server span} in scope still names its trace and span.
 */
public final class RequestTrace {

    private RequestTrace() {
    }

    /** The server span of this request, or {@code null} when the service runs without tracing. */
    public static Span serverSpan(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .orElse(null);
    }

    /**
     * Runs {@code line} with the request's server span in scope, so that the MDC (and every
     * structured log line) names its trace whichever thread this is.
     *
     * @param tracer the tracing library's, or {@code null} when the service runs without tracing
     */
    public static void logged(Tracer tracer, ServerWebExchange exchange, Runnable line) {
        Span span = tracer == null ? null : serverSpan(exchange);
        if (span == null) {
            line.run();
            return;
        }
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            line.run();
        }
    }
}
