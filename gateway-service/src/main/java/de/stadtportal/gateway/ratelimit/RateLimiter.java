package de.stadtportal.gateway.ratelimit;

import de.stadtportal.gateway.ratelimit.domain.Allowance;
import de.stadtportal.gateway.ratelimit.domain.TokenBucket;
import reactor.core.publisher.Mono;

/**
 * Where buckets are kept. The in-memory store serves one gateway instance; a Redis-backed store
 * (one Lua script applying {@link TokenBucket#take} to a hash per key) would be another
 * implementation of this interface, chosen by configuration.
 */
public interface RateLimiter {

    Mono<TokenBucket.Take> take(String client, Allowance allowance);
}
