package de.stadtportal.portal.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.portal.desk.domain.Problem;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateFilterTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void without_days_the_list_starts_today_and_looks_a_season_ahead() {
        DateFilter filter = new DateFilter(null, "").resolved(TODAY);

        assertThat(filter.from()).isEqualTo(TODAY);
        assertThat(filter.last()).isEqualTo(TODAY.plusDays(92));
        assertThat(filter.to()).as("the API's exclusive end").isEqualTo(TODAY.plusDays(93));
    }

    @Test
    void a_range_of_one_day_asks_the_api_up_to_the_next_midnight() {
        DateFilter filter = new DateFilter("2027-01-07", "2027-01-07").resolved(TODAY);

        assertThat(filter.from()).isEqualTo(LocalDate.of(2027, 1, 7));
        assertThat(filter.to()).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(new DateFilter("2027-01-07", "2027-01-07").problems()).isEmpty();
    }

    @Test
    void only_a_first_day_looks_a_season_ahead_from_it() {
        assertThat(new DateFilter("2027-03-01", null).resolved(TODAY).last()).isEqualTo(LocalDate.of(2027, 6, 1));
    }

    @Test
    void an_unreadable_day_and_a_last_day_before_the_first_are_refused_by_field() {
        assertThat(new DateFilter("morgen", "2027-01-01").problems())
                .containsExactly(java.util.Map.entry("von", Problem.of("desk.form.date", "morgen")));
        assertThat(new DateFilter("2027-01-02", "2027-01-01").problems())
                .containsExactly(java.util.Map.entry("bis", Problem.of("desk.filter.backwards")));
    }
}
