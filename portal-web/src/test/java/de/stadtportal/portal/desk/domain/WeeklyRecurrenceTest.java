package de.stadtportal.portal.desk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;
import org.junit.jupiter.api.Test;

/**
 * The recurrence form's answers become the rule an editor means: checked by expanding it with
 * ical4j, the library the events service expands rules with.
 */
class WeeklyRecurrenceTest {

    /** Thursday, 7 January 2027, 19:30 in Bochum. */
    static final ZonedDateTime FIRST = LocalDateTime.of(2027, 1, 7, 19, 30).atZone(WeeklyRecurrence.CITY_TIME);

    @Test
    void every_other_week_on_tuesday_and_thursday_until_a_day_ends_on_that_day_at_city_time() {
        WeeklyRecurrence form = new WeeklyRecurrence(Set.of(DayOfWeek.THURSDAY, DayOfWeek.TUESDAY), 2,
                LocalDate.of(2027, 2, 4), null, List.of());

        assertThat(form.rrule()).isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20270204T225959Z");
        assertThat(starts(form.rrule())).extracting(ZonedDateTime::toLocalDate).containsExactly(
                LocalDate.of(2027, 1, 7), LocalDate.of(2027, 1, 19), LocalDate.of(2027, 1, 21),
                LocalDate.of(2027, 2, 2), LocalDate.of(2027, 2, 4));
    }

    @Test
    void weekly_on_one_day_a_number_of_times_keeps_its_time_of_day_across_the_change_to_summer_time() {
        WeeklyRecurrence form = new WeeklyRecurrence(Set.of(DayOfWeek.THURSDAY), 1, null, 15, List.of());

        assertThat(form.rrule()).isEqualTo("FREQ=WEEKLY;BYDAY=TH;COUNT=15");
        List<ZonedDateTime> starts = starts(form.rrule());
        assertThat(starts).hasSize(15).allSatisfy(start -> assertThat(start.toLocalTime()).hasToString("19:30"));
        assertThat(starts.get(14).toLocalDate()).isEqualTo(LocalDate.of(2027, 4, 15));
    }

    @Test
    void excepted_days_are_left_out_at_the_events_time_of_day_with_the_offset_of_that_day() {
        WeeklyRecurrence form = new WeeklyRecurrence(Set.of(DayOfWeek.THURSDAY), 1, null, 15,
                List.of(LocalDate.of(2027, 2, 11), LocalDate.of(2027, 4, 1)));

        assertThat(form.exdates(FIRST.toLocalDateTime())).containsExactly(
                OffsetDateTime.parse("2027-02-11T19:30+01:00"), OffsetDateTime.parse("2027-04-01T19:30+02:00"));
    }

    @Test
    void answers_that_make_no_rule_are_named_by_their_field() {
        LocalDate first = FIRST.toLocalDate();

        assertThat(new WeeklyRecurrence(Set.of(), 1, null, null, List.of()).problems(first)).containsOnlyKeys("tage");
        assertThat(new WeeklyRecurrence(Set.of(DayOfWeek.MONDAY), 53, null, null, List.of()).problems(first))
                .containsOnlyKeys("wochen");
        assertThat(new WeeklyRecurrence(Set.of(DayOfWeek.MONDAY), 1, first.plusDays(30), 4, List.of()).problems(first))
                .containsOnlyKeys("ende");
        assertThat(new WeeklyRecurrence(Set.of(DayOfWeek.MONDAY), 1, first.minusDays(1), null, List.of())
                .problems(first)).containsOnlyKeys("bis");
        assertThat(new WeeklyRecurrence(Set.of(DayOfWeek.MONDAY), 1, null, 0, List.of()).problems(first))
                .containsOnlyKeys("anzahl");
        assertThat(new WeeklyRecurrence(Set.of(DayOfWeek.MONDAY), 1, null, 10, List.of()).problems(first)).isEmpty();
    }

    private static List<ZonedDateTime> starts(String rrule) {
        return new Recur<ZonedDateTime>(rrule).getDates(FIRST, FIRST, FIRST.plusYears(1), 100);
    }
}
