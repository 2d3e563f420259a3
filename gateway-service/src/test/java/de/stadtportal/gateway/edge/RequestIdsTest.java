package de.stadtportal.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void an_id_is_a_version_8_uuid_of_the_standard_variant() {
        UUID id = UUID.fromString(new RequestIds().next());

        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void a_hundred_thousand_ids_of_one_gateway_are_all_different() {
        RequestIds ids = new RequestIds(42);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(ids.next());
        }

        assertThat(seen).hasSize(100_000);
    }

    @Test
    void two_gateways_give_different_ids_from_the_first_on() {
        assertThat(new RequestIds(1).next()).isNotEqualTo(new RequestIds(2).next());
    }

    @Test
    void consecutive_ids_differ_in_more_than_their_last_digits() {
        RequestIds ids = new RequestIds(42);
        String first = ids.next();
        String second = ids.next();

        assertThat(first.substring(19, 24)).isNotEqualTo(second.substring(19, 24));
    }

    @Test
    void the_scrambled_count_stays_within_62_bits_and_never_repeats() {
        Set<Long> seen = new HashSet<>();
        for (long count : new long[] {0, 1, 2, 3, (1L << 62) - 1, 1L << 40, 123_456_789}) {
            long scrambled = RequestIds.scrambled(count);
            assertThat(scrambled >>> 62).isZero();
            seen.add(scrambled);
        }

        assertThat(seen).hasSize(7);
    }
}
