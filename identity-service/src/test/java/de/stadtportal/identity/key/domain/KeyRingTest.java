package de.stadtportal.identity.key.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    static final Instant T = Instant.parse("2026-12-01T12:00:00Z");
    static final Duration LIFETIME = Duration.ofHours(1);
    static final Duration SKEW = Duration.ofMinutes(1);

    final SigningKey old = new SigningKey("old", T.minus(Duration.ofDays(31)), T);
    final SigningKey current = new SigningKey("new", T, null);

    KeyRing ring(SigningKey... keys) {
        return new KeyRing(List.of(keys), Duration.ofDays(30), LIFETIME, SKEW);
    }

    @Test
    void the_newest_unretired_key_signs() {
        assertThat(ring(old, current).signing()).contains(current);
    }

    @Test
    void a_retired_key_is_published_next_to_the_new_one_while_its_tokens_may_be_valid() {
        assertThat(ring(old, current).published(T.plus(LIFETIME))).containsExactly(current, old);
    }

    @Test
    void a_retired_key_goes_once_its_longest_token_and_the_skew_have_passed() {
        Instant later = T.plus(LIFETIME).plus(SKEW);
        assertThat(ring(old, current).published(later)).containsExactly(current);
        assertThat(ring(old, current).expired(later)).containsExactly(old);
    }

    @Test
    void a_key_older_than_thirty_days_is_due_for_rotation_and_no_key_at_all_is_too() {
        assertThat(ring(current).needsRotation(T.plus(Duration.ofDays(29)))).isFalse();
        assertThat(ring(current).needsRotation(T.plus(Duration.ofDays(30)))).isTrue();
        assertThat(ring().needsRotation(T)).isTrue();
    }
}
