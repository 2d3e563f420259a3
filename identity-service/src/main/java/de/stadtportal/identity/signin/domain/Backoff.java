package de.stadtportal.identity.signin.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long sign-ins wait after failures: the first {@code freeFailures} cost nothing; from then on
 * each failure blocks for {@code firstBlock}, doubled with every further one, never longer than
 * {@code longestBlock}. Failures a day old are forgotten. Time is passed in; nothing here sleeps.
 */
public record Backoff(int freeFailures, Duration firstBlock, Duration longestBlock) {

    /** A count whose last failure lies this far back starts again at one. */
    public static final Duration FORGET_AFTER = Duration.ofDays(1);

    public Backoff {
        if (freeFailures < 1 || firstBlock.isNegative() || longestBlock.compareTo(firstBlock) < 0) {
            throw new IllegalArgumentException(
                    "A back-off needs a free failure and a first block no longer than the longest");
        }
    }

    /** Until when sign-ins wait after {@code failures} failures, the last at {@code lastFailure}; empty: not at all. */
    public Optional<Instant> blockedUntil(int failures, Instant lastFailure) {
        if (failures < freeFailures) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - freeFailures, 30);
        Duration block = firstBlock.multipliedBy(1L << doublings);
        return Optional.of(lastFailure.plus(block.compareTo(longestBlock) > 0 ? longestBlock : block));
    }
}
