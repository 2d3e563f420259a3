package de.stadtportal.gateway.ratelimit;

import de.stadtportal.gateway.ratelimit.domain.Allowance;
import de.stadtportal.gateway.ratelimit.domain.TokenBucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis, shared by every gateway instance that talks to the same server: one hash per
 * client, updated by one Lua script ({@code token-bucket.lua}) that applies the arithmetic of
 * {@link TokenBucket#take} atomically on Redis's clock and lets the key expire once the bucket
 * would be full again, so idle clients vanish.
 *
 * <p>The store fails open: when Redis errs or does not answer within the timeout the request
 * passes. An unavailable rate limiter must not take the whole API down with it; the lapse is
 * counted in {@value #ERRORS} and logged at WARN at most once a minute, so a dead Redis shows in
 * the metrics without flooding the log.
 */
class RedisRateLimiter implements RateLimiter {

    static final String ERRORS = "stadtportal.gateway.ratelimit.store.errors";

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final long WARN_INTERVAL = TimeUnit.MINUTES.toNanos(1);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TAKE = RedisScript.of(
            new ClassPathResource("token-bucket.lua", RedisRateLimiter.class), List.class);
    private static final RedisScript<Long> GIVE_BACK = RedisScript.of(
            new ClassPathResource("token-bucket-give-back.lua", RedisRateLimiter.class), Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String keyPrefix;
    private final Duration timeout;
    private final Counter errors;
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

    RedisRateLimiter(ReactiveStringRedisTemplate redis, String keyPrefix, Duration timeout, MeterRegistry meters) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.timeout = timeout;
        this.errors = Counter.builder(ERRORS).tag("store", "redis")
                .description("Rate-limit decisions the store could not make; the requests passed unlimited")
                .register(meters);
    }

    @Override
    public Mono<TokenBucket.Take> take(String client, Allowance allowance) {
        List<String> arguments = List.of(Long.toString(allowance.capacity()),
                Long.toString(allowance.period().toNanos() / 1000));
        return redis.execute(TAKE, List.of(keyPrefix + client), arguments)
                .next()
                .map(RedisRateLimiter::verdict)
                .timeout(timeout)
                .onErrorResume(error -> {
                    storeFailed(error);
                    // the bucket is unknown; reported as full, since nothing was taken from it
                    return Mono.just(new TokenBucket.Take(true, TokenBucket.full(allowance, 0), Duration.ZERO));
                });
    }

    @Override
    public Mono<Void> giveBack(String client, Allowance allowance) {
        return redis.execute(GIVE_BACK, List.of(keyPrefix + client), List.of(Long.toString(allowance.capacity())))
                .then()
                .timeout(timeout)
                .onErrorResume(error -> {
                    // the token stays taken: the client pays one request more, nothing else happens
                    storeFailed(error);
                    return Mono.empty();
                });
    }

    /** The script's {@code {allowed, tokens, updated µs, wait µs}} as the domain's verdict. */
    private static TokenBucket.Take verdict(List<?> reply) {
        long allowed = (Long) reply.get(0);
        long tokens = (Long) reply.get(1);
        long updatedMicros = (Long) reply.get(2);
        long waitMicros = (Long) reply.get(3);
        return new TokenBucket.Take(allowed == 1, new TokenBucket(tokens, updatedMicros * 1000),
                Duration.of(waitMicros, ChronoUnit.MICROS));
    }

    private void storeFailed(Throwable error) {
        errors.increment();
        long now = System.nanoTime();
        long due = nextWarning.get();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARN_INTERVAL)) {
            log.warn("Rate-limit store (Redis) failed, requests pass without a limit until it answers again "
                    + "({} failures so far; next warning in a minute at the earliest): {}", (long) errors.count(),
                    error.toString());
        }
    }
}
