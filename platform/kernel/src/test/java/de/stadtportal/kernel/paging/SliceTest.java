package de.stadtportal.kernel.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SliceTest {

    @Test
    void one_row_more_than_the_limit_means_more_follow_and_is_cut_off() {
        Slice<Integer> slice = Slice.of(List.of(1, 2, 3), 2);
        assertThat(slice.items()).containsExactly(1, 2);
        assertThat(slice.more()).isTrue();
        assertThat(slice.lastIfMore()).isEqualTo(2);
    }

    @Test
    void as_many_rows_as_the_limit_or_fewer_is_the_last_page() {
        assertThat(Slice.of(List.of(1, 2), 2)).isEqualTo(new Slice<>(List.of(1, 2), false));
        assertThat(Slice.of(List.of(1, 2), 2).lastIfMore()).isNull();
        assertThat(Slice.of(List.<Integer>of(), 2).lastIfMore()).isNull();
    }

    @Test
    void a_query_reads_one_row_more_than_the_page_and_the_collector_cuts_it() {
        assertThat(Slice.rowsFor(20)).isEqualTo(21);
        assertThat(java.util.stream.Stream.of(1, 2, 3).collect(Slice.toSlice(2))).isEqualTo(new Slice<>(List.of(1, 2), true));
        assertThat(java.util.stream.Stream.of(1).collect(Slice.toSlice(2))).isEqualTo(new Slice<>(List.of(1), false));
    }

    @Test
    void mapping_keeps_whether_more_follow() {
        assertThat(Slice.of(List.of(1, 2, 3), 2).map(n -> "#" + n)).isEqualTo(new Slice<>(List.of("#1", "#2"), true));
    }
}
