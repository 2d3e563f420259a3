package de.stadtportal.gateway.ratelimit.domain;

import java.time.Duration;

/**
 * One client's bucket, as a value: {@link #take} answers whether a request may pass and returns the
 * bucket as it is afterwards, so the store decides how to keep it (a map entry here, a Redis hash
 * elsewhere) and the arithmetic is tested without clocks or threads.
 *
 * @param tokens     whole tokens left at {@code updatedAt}
 * @param updatedAt  monotonic time in nanoseconds when {@code tokens} was last refilled
 */
public record TokenBucket(long tokens, long updatedAt) {

    /** A client seen for the first time starts with a full bucket. */
    public static TokenBucket full(Allowance allowance, long now) {
        return new TokenBucket(allowance.capacity(), now);
    }

    public Take take(Allowance allowance, long now) {
        TokenBucket refilled = refill(allowance, now);
        if (refilled.tokens > 0) {
            return new Take(true, new TokenBucket(refilled.tokens - 1, refilled.updatedAt), Duration.ZERO);
        }
        long waited = now - refilled.updatedAt;
        long wait = Math.max(1, allowance.nanosPerToken() - waited);
        return new Take(false, refilled, Duration.ofNanos(wait));
    }

    /**
     * The bucket with one token put back, never beyond the capacity: for a request that was taken
     * from this bucket and then turned out to be another bucket's to pay for.
     */
    public TokenBucket giveBack(Allowance allowance) {
        return new TokenBucket(Math.min(allowance.capacity(), tokens + 1), updatedAt);
    }

    /** True when the bucket would be full by {@code now}: such a client can be forgotten safely. */
    public boolean isFull(Allowance allowance, long now) {
        return refill(allowance, now).tokens >= allowance.capacity();
    }

    private TokenBucket refill(Allowance allowance, long now) {
        long elapsed = Math.max(0, now - updatedAt);
        long perToken = allowance.nanosPerToken();
        long earned = elapsed / perToken;
        if (earned == 0) {
            return this;
        }
        long tokens = Math.min(allowance.capacity(), this.tokens + earned);
        // keep the part of a token already earned, unless the bucket is full anyway
        long updatedAt = tokens == allowance.capacity() ? now : this.updatedAt + earned * perToken;
        return new TokenBucket(tokens, updatedAt);
    }

    /** The verdict on one request and the bucket after it; {@code retryAfter} is zero when allowed. */
    public record Take(boolean allowed, TokenBucket bucket, Duration retryAfter) {
    }
}
