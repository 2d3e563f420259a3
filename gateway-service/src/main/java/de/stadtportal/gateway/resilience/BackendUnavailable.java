package de.stadtportal.gateway.resilience;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import de.stadtportal.web.RequestTrace;
import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.problem.ProblemDetailsHandler;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.tracing.Tracer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import reactor.core.publisher.Mono;

/**
 * The breakers' fallback: the gateway forwards a failed or refused request here (any method), and
 * it is answered with a 503 problem that says whether the backend failed just now or the breaker
 * is open. The backend's own error answers (4xx, 500) are passed through unchanged; only not being
 * reached at all lands here. The problem is written directly, naming the path the client asked
 * for, rather than thrown: a 503 by design is not an unexpected failure worth a stack trace each.
 * A browser that asked the portal for a page gets a small page instead (German first, as the
 * portal): a problem document would show as raw JSON, and the portal, which renders its own
 * error pages in the site's frame, is the one that could not be reached.
 */
@Configuration(proxyBeanMethods = false)
class BackendUnavailable {

    private static final Logger log = LoggerFactory.getLogger(BackendUnavailable.class);
    private static final String PREFIX = "/gateway/unavailable/";
    /** A retry the balancer declined: the one instance there is had just failed (refused or timed out) and is left out. */
    private static final String NO_INSTANCE_LEFT = "no instance left to try: each one refused or timed out"
            + " (a read is never tried twice on an instance that did)";
    private static final Set<String> BACKENDS = Set.of("content", "events", "search", "portal");
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final String PORTAL_UNAVAILABLE_PAGE = page("portal-unavailable.html");
    /** Seconds a browser is asked to wait: the balancer leaves a failed instance out for 5 s. */
    private static final String RETRY_AFTER_SECONDS = "10";

    @Bean
    RouterFunction<ServerResponse> backendUnavailableRoute(ProblemDetailsHandler problems,
            ObjectProvider<Tracer> tracer) {
        Tracer current = tracer.getIfAvailable();
        return RouterFunctions.route().route(request -> request.path().startsWith(PREFIX),
                request -> answer(request, problems, current)).build();
    }

    private static Mono<ServerResponse> answer(ServerRequest request, ProblemDetailsHandler problems, Tracer tracer) {
        String backend = request.path().substring(PREFIX.length());
        String name = BACKENDS.contains(backend) ? backend : "backend";
        ServerWebExchange exchange = request.exchange();
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String detail;
        if (cause instanceof CallNotPermittedException) {
            detail = "The " + name + " service is failing; its circuit breaker is open, so the gateway answers at once";
        } else {
            detail = "The " + name + " service did not answer in time or could not be reached";
            // in the request's trace: the gateway keeps no current span on the thread (context-propagation limited)
            RequestTrace.logged(tracer, exchange, () -> log.warn("{} {} failed at the {} service: {}",
                    exchange.getRequest().getMethod(), originalPath(exchange), name, cause instanceof NotFoundException
                            ? NO_INSTANCE_LEFT : cause == null ? "unknown" : cause.toString()));
        }
        if ("portal".equals(name) && asksForPage(request)) {
            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(HTML)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .bodyValue(PORTAL_UNAVAILABLE_PAGE);
        }
        ServerWebExchange asAsked = exchange.mutate().request(original -> original.path(originalPath(exchange))).build();
        // written here; an empty handler result tells the dispatcher the response is complete
        return problems.write(asAsked, new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail,
                List.of())).then(Mono.empty());
    }

    /** A browser's navigation names HTML; an API client, {@code curl} or a feed reader does not. */
    private static boolean asksForPage(ServerRequest request) {
        return request.headers().accept().stream()
                .anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
    }

    private static String page(String name) {
        try (InputStream in = BackendUnavailable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The forward mutated the exchange; the innermost one still holds the request as the client sent it. */
    private static String originalPath(ServerWebExchange exchange) {
        ServerWebExchange current = exchange;
        while (current instanceof ServerWebExchangeDecorator decorator) {
            current = decorator.getDelegate();
        }
        return current.getRequest().getPath().value();
    }
}
