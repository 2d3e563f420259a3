package de.stadtportal.gateway.ratelimit.domain;

import java.time.Duration;

/**
 * How many requests a client may make: a burst of {@code capacity}, refilled evenly so that
 * {@code capacity} more are allowed per {@code period}.
 */
public record Allowance(long capacity, Duration period) {

    public Allowance {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        if (period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive");
        }
    }

    /** Nanoseconds until one more request is allowed. */
    long nanosPerToken() {
        return Math.max(1, period.toNanos() / capacity);
    }
}
