package de.stadtportal.gateway.ratelimit;

import de.stadtportal.gateway.ratelimit.domain.Allowance;
import de.stadtportal.gateway.ratelimit.domain.TokenBucket;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Buckets in a concurrent map, updated atomically per key. Memory stays bounded: once more than
 * {@code maxClients} keys are held, the buckets that have filled up again are dropped, since a full
 * bucket is exactly what a forgotten client gets back.
 */
class InMemoryRateLimiter implements RateLimiter {

    private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();
    private final int maxClients;
    private final LongSupplier nanoClock;

    InMemoryRateLimiter(int maxClients, LongSupplier nanoClock) {
        this.maxClients = maxClients;
        this.nanoClock = nanoClock;
    }

    @Override
    public Mono<TokenBucket.Take> take(String client, Allowance allowance) {
        long now = nanoClock.getAsLong();
        TokenBucket.Take[] verdict = new TokenBucket.Take[1];
        buckets.compute(client, (key, entry) -> {
            TokenBucket bucket = entry == null ? TokenBucket.full(allowance, now) : entry.bucket();
            verdict[0] = bucket.take(allowance, now);
            return new Entry(verdict[0].bucket(), allowance);
        });
        if (buckets.size() > maxClients) {
            buckets.entrySet().removeIf(entry -> entry.getValue().bucket().isFull(entry.getValue().allowance(), now));
        }
        return Mono.just(verdict[0]);
    }

    int size() {
        return buckets.size();
    }

    private record Entry(TokenBucket bucket, Allowance allowance) {
    }
}
