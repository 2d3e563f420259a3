package de.stadtportal.gateway.edge;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * New request ids, unique without a random number per request. {@link UUID#randomUUID()} draws from
 * {@link SecureRandom} each time, a shared lock and a costly call on every request that came without
 * an id. An id here is shaped as a UUID (version 8, RFC 9562's own layout): 60 random bits drawn once
 * per gateway start, so two instances do not meet, and a 62-bit count of this instance's ids. The
 * count is scrambled by a bijection, so that ids differ in every digit and a client cannot read off
 * how many requests the gateway has served; a bijection, so two counts never give one id.
 */
final class RequestIds {

    private static final long COUNT_BITS = (1L << 62) - 1;
    private static final long VERSION_8 = 0x8000L;
    private static final long VERSION_MASK = 0xF000L;
    private static final long VARIANT = 1L << 63;

    private final long instance;
    /** From 1: count 0 would scramble to 0, an id ending in zeros that looks like a placeholder. */
    private final AtomicLong count = new AtomicLong(1);

    RequestIds() {
        this(new SecureRandom().nextLong());
    }

    RequestIds(long random) {
        this.instance = random & ~VERSION_MASK | VERSION_8;
    }

    String next() {
        return new UUID(instance, VARIANT | scrambled(count.getAndIncrement())).toString();
    }

    /** A bijection of 62-bit numbers: multiplying by an odd number and xor-shifting right both are one. */
    static long scrambled(long count) {
        long x = count * 0x9E3779B97F4A7C15L & COUNT_BITS;
        x ^= x >>> 31;
        x = x * 0xBF58476D1CE4E5B9L & COUNT_BITS;
        return x ^ x >>> 29;
    }
}
