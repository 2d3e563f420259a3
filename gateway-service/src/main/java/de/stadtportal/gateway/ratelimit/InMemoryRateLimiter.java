package de.stadtportal.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import de.stadtportal.gateway.ratelimit.domain.Allowance;
import de.stadtportal.gateway.ratelimit.domain.TokenBucket;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Buckets in a Caffeine cache, updated atomically per key. Memory is bounded at {@code maxClients}
 * buckets with constant work per request, however many clients there are: a bucket goes one period
 * after its last request (by then it would be full again, exactly what a forgotten client gets
 * back), and past the size the cache's admission policy drops the rarely seen clients before the
 * busy ones, so a flood of new addresses cannot push out the bucket of a client being limited.
 */
class InMemoryRateLimiter implements RateLimiter {

    private final Cache<String, Entry> buckets;
    private final LongSupplier nanoClock;

    /**
     * @param nanoClock   monotonic time in nanoseconds, for the buckets and for expiry
     * @param maintenance where the cache evicts and expires; Caffeine's default pool in the gateway
     */
    InMemoryRateLimiter(long maxClients, LongSupplier nanoClock, Executor maintenance) {
        this.nanoClock = nanoClock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfter(Expiry.accessing((String client, Entry entry) -> entry.allowance().period()))
                .ticker(nanoClock::getAsLong)
                .executor(maintenance)
                .build();
    }

    @Override
    public Mono<TokenBucket.Take> take(String client, Allowance allowance) {
        long now = nanoClock.getAsLong();
        TokenBucket.Take[] verdict = new TokenBucket.Take[1];
        buckets.asMap().compute(client, (key, entry) -> {
            TokenBucket bucket = entry == null ? TokenBucket.full(allowance, now) : entry.bucket();
            verdict[0] = bucket.take(allowance, now);
            return new Entry(verdict[0].bucket(), allowance);
        });
        return Mono.just(verdict[0]);
    }

    @Override
    public Mono<Void> giveBack(String client, Allowance allowance) {
        buckets.asMap().computeIfPresent(client, (key, entry) -> new Entry(entry.bucket().giveBack(allowance), allowance));
        return Mono.empty();
    }

    /** How many clients' buckets are held, after pending evictions. */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private record Entry(TokenBucket bucket, Allowance allowance) {
    }
}
