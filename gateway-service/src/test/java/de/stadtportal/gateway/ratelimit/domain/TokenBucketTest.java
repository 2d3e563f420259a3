package de.stadtportal.gateway.ratelimit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final Allowance FIVE_PER_SECOND = new Allowance(5, Duration.ofSeconds(1));
    private static final long SECOND = 1_000_000_000L;

    @Test
    void a_new_client_may_burst_up_to_the_capacity_and_then_is_told_when_to_come_back() {
        TokenBucket bucket = TokenBucket.full(FIVE_PER_SECOND, 0);
        for (int request = 0; request < 5; request++) {
            TokenBucket.Take take = bucket.take(FIVE_PER_SECOND, 0);
            assertThat(take.allowed()).isTrue();
            bucket = take.bucket();
        }

        TokenBucket.Take refused = bucket.take(FIVE_PER_SECOND, 0);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void tokens_come_back_evenly_over_the_period_and_never_beyond_the_capacity() {
        TokenBucket empty = new TokenBucket(0, 0);

        assertThat(empty.take(FIVE_PER_SECOND, SECOND / 10).allowed()).isFalse();
        assertThat(empty.take(FIVE_PER_SECOND, SECOND / 10).retryAfter()).isEqualTo(Duration.ofMillis(100));
        assertThat(empty.take(FIVE_PER_SECOND, SECOND / 5).allowed()).isTrue();
        assertThat(empty.take(FIVE_PER_SECOND, SECOND / 5).bucket().tokens()).isZero();
        assertThat(empty.take(FIVE_PER_SECOND, 60 * SECOND).bucket().tokens()).isEqualTo(4);
    }

    @Test
    void part_of_a_token_already_earned_is_not_lost_by_a_request() {
        TokenBucket empty = new TokenBucket(0, 0);
        // 300 ms: one token earned (200 ms each), 100 ms towards the next
        TokenBucket afterOne = empty.take(FIVE_PER_SECOND, 3 * SECOND / 10).bucket();

        assertThat(afterOne.take(FIVE_PER_SECOND, 4 * SECOND / 10).allowed()).isTrue();
    }

    @Test
    void a_bucket_is_full_again_once_the_whole_period_has_passed() {
        TokenBucket empty = new TokenBucket(0, 0);

        assertThat(empty.isFull(FIVE_PER_SECOND, SECOND / 2)).isFalse();
        assertThat(empty.isFull(FIVE_PER_SECOND, SECOND)).isTrue();
    }

    @Test
    void a_token_given_back_can_be_taken_again_but_never_fills_the_bucket_beyond_its_capacity() {
        TokenBucket emptied = new TokenBucket(1, 0).take(FIVE_PER_SECOND, 0).bucket();

        assertThat(emptied.take(FIVE_PER_SECOND, 0).allowed()).isFalse();
        assertThat(emptied.giveBack(FIVE_PER_SECOND).take(FIVE_PER_SECOND, 0).allowed()).isTrue();
        assertThat(TokenBucket.full(FIVE_PER_SECOND, 0).giveBack(FIVE_PER_SECOND).tokens()).isEqualTo(5);
    }

    @Test
    void giving_a_token_back_keeps_the_part_of_the_next_one_already_earned() {
        TokenBucket empty = new TokenBucket(0, 0);

        TokenBucket givenBack = empty.giveBack(FIVE_PER_SECOND);

        assertThat(givenBack.updatedAt()).isZero();
        assertThat(givenBack.take(FIVE_PER_SECOND, SECOND / 5).bucket().tokens()).isEqualTo(1);
    }
}
