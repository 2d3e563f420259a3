package de.stadtportal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.gateway.ratelimit.domain.Allowance;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class InMemoryRateLimiterTest {

    private static final Allowance TWO_PER_SECOND = new Allowance(2, Duration.ofSeconds(1));

    private final AtomicLong now = new AtomicLong();
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(3, now::get);

    @Test
    void clients_have_separate_buckets() {
        allowed("a", true);
        allowed("a", true);
        allowed("a", false);
        allowed("b", true);
    }

    @Test
    void clients_whose_buckets_filled_up_again_are_forgotten_once_the_store_is_over_its_size() {
        allowed("a", true);
        allowed("b", true);
        allowed("c", true);
        now.addAndGet(Duration.ofSeconds(1).toNanos());

        allowed("d", true);

        assertThat(limiter.size()).isEqualTo(1);
    }

    private void allowed(String client, boolean expected) {
        StepVerifier.create(limiter.take(client, TWO_PER_SECOND))
                .assertNext(take -> assertThat(take.allowed()).as(client).isEqualTo(expected))
                .verifyComplete();
    }
}
