package de.stadtportal.gateway.ratelimit;

import de.stadtportal.gateway.ratelimit.domain.Allowance;
import de.stadtportal.gateway.ratelimit.domain.TokenBucket;
import reactor.core.publisher.Mono;

/**
 * Where buckets are kept. The in-memory store serves one gateway instance; the Redis store (one Lua
 * script applying {@link TokenBucket#take} to a hash per key) is shared by all of them. Which one
 * runs is configuration ({@code stadtportal.gateway.rate-limit.store}).
 */
public interface RateLimiter {

    Mono<TokenBucket.Take> take(String client, Allowance allowance);

    /**
     * Puts back the token of a request that turned out to be another bucket's to pay for (see
     * {@link TokenBucket#giveBack}); a bucket the store no longer holds is full already.
     */
    Mono<Void> giveBack(String client, Allowance allowance);
}
