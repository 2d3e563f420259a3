package de.stadtportal.gateway.ratelimit;

import de.stadtportal.gateway.GatewayProperties;
import de.stadtportal.gateway.ratelimit.domain.Allowance;
import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.problem.ProblemDetailsHandler;
import de.stadtportal.web.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes one token per API request from the client's read or write bucket and answers 429 with
 * {@code Retry-After} when it is empty. Runs after the token check, so the subject it keys on is
 * verified (an unverified subject would let a client mint itself fresh budgets), and a write
 * without a valid token has already been refused with 401.
 */
class RateLimitFilter implements WebFilter {

    static final String REJECTED = "stadtportal.gateway.ratelimit.rejected";

    private final RateLimiter limiter;
    private final Allowance reads;
    private final Allowance writes;
    private final ProblemDetailsHandler problems;
    private final Counter readsRejected;
    private final Counter writesRejected;

    RateLimitFilter(RateLimiter limiter, GatewayProperties.RateLimit settings, ProblemDetailsHandler problems,
            MeterRegistry meters) {
        this.limiter = limiter;
        this.reads = settings.reads();
        this.writes = settings.writes();
        this.problems = problems;
        this.readsRejected = Counter.builder(REJECTED).tag("kind", "read")
                .description("Requests refused with 429 by the gateway's rate limit").register(meters);
        this.writesRejected = Counter.builder(REJECTED).tag("kind", "write")
                .description("Requests refused with 429 by the gateway's rate limit").register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        HttpMethod method = exchange.getRequest().getMethod();
        boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
                || HttpMethod.OPTIONS.equals(method);
        return Caller.current()
                .map(caller -> caller.authenticated() ? "sub:" + caller.subject() : "addr:" + address(exchange))
                .flatMap(client -> limiter.take((read ? "r|" : "w|") + client, read ? reads : writes))
                .flatMap(take -> {
                    if (take.allowed()) {
                        return chain.filter(exchange);
                    }
                    (read ? readsRejected : writesRejected).increment();
                    return refuse(exchange, take.retryAfter(), read);
                });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, Duration retryAfter, boolean read) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problems.write(exchange, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "This client has used its " + (read ? "read" : "write") + " allowance; retry in " + seconds + " s",
                List.of()));
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
