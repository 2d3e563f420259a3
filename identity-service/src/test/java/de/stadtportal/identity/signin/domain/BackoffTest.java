package de.stadtportal.identity.signin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    static final Instant NOW = Instant.parse("2026-12-01T20:00:00Z");
    final Backoff backoff = new Backoff(5, Duration.ofMinutes(1), Duration.ofHours(1));

    @Test
    void the_first_four_failures_cost_nothing() {
        assertThat(backoff.blockedUntil(4, NOW)).isEmpty();
    }

    @Test
    void the_fifth_failure_blocks_for_a_minute() {
        assertThat(backoff.blockedUntil(5, NOW)).contains(NOW.plusSeconds(60));
    }

    @Test
    void every_further_failure_doubles_the_wait() {
        assertThat(backoff.blockedUntil(6, NOW)).contains(NOW.plusSeconds(120));
        assertThat(backoff.blockedUntil(8, NOW)).contains(NOW.plusSeconds(480));
    }

    @Test
    void no_wait_is_longer_than_an_hour_however_many_failures_there_were() {
        assertThat(backoff.blockedUntil(12, NOW)).contains(NOW.plus(Duration.ofHours(1)));
        assertThat(backoff.blockedUntil(10_000, NOW)).contains(NOW.plus(Duration.ofHours(1)));
    }
}
