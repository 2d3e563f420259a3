package de.stadtportal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.gateway.ratelimit.domain.Allowance;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class InMemoryRateLimiterTest {

    private static final Allowance TWO_PER_SECOND = new Allowance(2, Duration.ofSeconds(1));
    private static final Allowance TWO_PER_MINUTE = new Allowance(2, Duration.ofMinutes(1));

    private final AtomicLong now = new AtomicLong();
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(100, now::get, Runnable::run);

    @Test
    void clients_have_separate_buckets() {
        allowed("a", true);
        allowed("a", true);
        allowed("a", false);
        allowed("b", true);
    }

    @Test
    void a_client_is_forgotten_once_a_period_has_passed_since_its_last_request_and_its_bucket_is_full_again() {
        allowed("a", true);
        allowed("a", true);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        allowed("b", true);

        assertThat(limiter.size()).isEqualTo(1);
        allowed("a", true);
    }

    @Test
    void however_many_clients_come_the_store_keeps_at_most_its_size() {
        for (int client = 0; client < 10_000; client++) {
            allowed("client-" + client, true);
        }

        assertThat(limiter.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void a_flood_of_new_clients_does_not_push_out_the_bucket_of_a_client_being_limited() {
        limit("busy", TWO_PER_MINUTE);
        for (int client = 0; client < 10_000; client++) {
            allowed("new-" + client, true);
            if (client % 50 == 0) {
                refused("busy", TWO_PER_MINUTE);
            }
        }

        refused("busy", TWO_PER_MINUTE);
    }

    @Test
    void a_token_given_back_may_be_taken_again() {
        allowed("a", true);
        allowed("a", true);

        StepVerifier.create(limiter.giveBack("a", TWO_PER_SECOND)).verifyComplete();

        allowed("a", true);
        allowed("a", false);
    }

    @Test
    void giving_back_to_a_forgotten_client_keeps_nothing() {
        StepVerifier.create(limiter.giveBack("never-seen", TWO_PER_SECOND)).verifyComplete();

        assertThat(limiter.size()).isZero();
    }

    private void limit(String client, Allowance allowance) {
        for (int request = 0; request < allowance.capacity(); request++) {
            StepVerifier.create(limiter.take(client, allowance))
                    .assertNext(take -> assertThat(take.allowed()).as(client).isTrue())
                    .verifyComplete();
        }
        refused(client, allowance);
    }

    private void refused(String client, Allowance allowance) {
        StepVerifier.create(limiter.take(client, allowance))
                .assertNext(take -> assertThat(take.allowed()).as(client).isFalse())
                .verifyComplete();
    }

    private void allowed(String client, boolean expected) {
        StepVerifier.create(limiter.take(client, TWO_PER_SECOND))
                .assertNext(take -> assertThat(take.allowed()).as(client).isEqualTo(expected))
                .verifyComplete();
    }
}
