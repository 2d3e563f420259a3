package de.stadtportal.gateway.ratelimit;

import de.stadtportal.gateway.GatewayProperties;
import de.stadtportal.gateway.ratelimit.domain.Allowance;
import de.stadtportal.gateway.ratelimit.domain.TokenBucket;
import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.problem.ProblemDetailsHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What both rate-limit filters share: the store, the read and write allowances, and the 429 answer
 * with {@code Retry-After}, counted in {@value #REJECTED}.
 */
class Budgets {

    static final String REJECTED = "stadtportal.gateway.ratelimit.rejected";

    private final RateLimiter limiter;
    private final Allowance reads;
    private final Allowance writes;
    private final ProblemDetailsHandler problems;
    private final Counter readsRejected;
    private final Counter writesRejected;

    Budgets(RateLimiter limiter, GatewayProperties.RateLimit settings, ProblemDetailsHandler problems,
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

    /** GET, HEAD and OPTIONS are reads; everything else draws on the write allowance. */
    static boolean isRead(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }

    Mono<TokenBucket.Take> take(String bucket, boolean read) {
        return limiter.take(bucket, read ? reads : writes);
    }

    Mono<Void> giveBack(String bucket, boolean read) {
        return limiter.giveBack(bucket, read ? reads : writes);
    }

    /** Passes the request on when {@code take} allowed it, else answers 429. */
    Mono<Void> passOrRefuse(TokenBucket.Take take, boolean read, ServerWebExchange exchange, WebFilterChain chain) {
        if (take.allowed()) {
            return chain.filter(exchange);
        }
        (read ? readsRejected : writesRejected).increment();
        long seconds = Math.max(1, (take.retryAfter().toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problems.write(exchange, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "This client has used its " + (read ? "read" : "write") + " allowance; retry in " + seconds + " s",
                List.of()));
    }
}
