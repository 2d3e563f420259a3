package de.stadtportal.portal.desk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        Set<DayOfWeek> thursday = Set.of(DayOfWeek.THURSDAY);

        assertThat(new WeeklyRecurrence(Set.of(), 1, null, null, List.of()).problems(first)).containsOnlyKeys("tage");
        assertThat(new WeeklyRecurrence(thursday, 53, null, null, List.of()).problems(first))
                .containsOnlyKeys("wochen");
        assertThat(new WeeklyRecurrence(thursday, 1, first.plusDays(30), 4, List.of()).problems(first))
                .containsOnlyKeys("ende");
        assertThat(new WeeklyRecurrence(thursday, 1, first.minusDays(1), null, List.of())
                .problems(first)).containsOnlyKeys("bis");
        assertThat(new WeeklyRecurrence(thursday, 1, null, 0, List.of()).problems(first)).containsOnlyKeys("anzahl");
        assertThat(new WeeklyRecurrence(thursday, 1, null, 10, List.of()).problems(first)).isEmpty();
    }

    @Test
    void each_refusal_is_a_message_key_with_the_values_it_names() {
        WeeklyRecurrence form = new WeeklyRecurrence(Set.of(DayOfWeek.THURSDAY), 0, null, 1001, List.of());

        assertThat(form.problems(FIRST.toLocalDate())).containsEntry("wochen", Problem.of("desk.recurrence.weeks", 1, 52))
                .containsEntry("anzahl", Problem.of("desk.recurrence.times", 1, 1000));
    }

    @Test
    void a_series_whose_first_start_is_on_none_of_its_days_is_refused_at_the_days() {
        // RFC 5545 counts the first start even when the rule would not: a Thursday start of a Monday series
        WeeklyRecurrence mondays = new WeeklyRecurrence(Set.of(DayOfWeek.MONDAY), 1, null, 4, List.of());

        assertThat(mondays.problems(FIRST.toLocalDate())).containsOnly(
                Map.entry("tage", Problem.of("desk.recurrence.startNotOnDay", FIRST.toLocalDate())));
    }

    @Test
    void a_day_left_out_must_be_a_day_of_the_series() {
        LocalDate first = FIRST.toLocalDate();
        WeeklyRecurrence everyOtherThursday = new WeeklyRecurrence(Set.of(DayOfWeek.THURSDAY), 2,
                LocalDate.of(2027, 3, 4), null, List.of(LocalDate.of(2027, 1, 21)));

        assertThat(everyOtherThursday.problems(first)).isEmpty();
        assertThat(starts(everyOtherThursday.rrule())).extracting(ZonedDateTime::toLocalDate)
                .contains(LocalDate.of(2027, 1, 21));
        for (LocalDate notInSeries : List.of(LocalDate.of(2027, 1, 14), LocalDate.of(2027, 1, 20),
                LocalDate.of(2026, 12, 24), LocalDate.of(2027, 3, 18))) {
            assertThat(new WeeklyRecurrence(Set.of(DayOfWeek.THURSDAY), 2, LocalDate.of(2027, 3, 4), null,
                    List.of(notInSeries)).problems(first)).as(notInSeries.toString()).containsOnly(
                    Map.entry("ausser", Problem.of("desk.recurrence.exceptNotInSeries", notInSeries)));
        }
    }

    @Test
    void a_rule_the_form_wrote_is_read_back_into_the_same_answers() {
        WeeklyRecurrence written = new WeeklyRecurrence(Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), 2,
                LocalDate.of(2027, 2, 4), null, List.of(LocalDate.of(2027, 1, 19)));
        WeeklyRecurrence counted = new WeeklyRecurrence(Set.of(DayOfWeek.THURSDAY), 1, null, 15,
                List.of(LocalDate.of(2027, 4, 1)));

        for (WeeklyRecurrence form : List.of(written, counted)) {
            Optional<WeeklyRecurrence> read = WeeklyRecurrence.read(form.rrule(), form.exdates(FIRST.toLocalDateTime()),
                    FIRST.toLocalDateTime());
            assertThat(read).contains(form);
            assertThat(starts(read.orElseThrow().rrule())).isEqualTo(starts(form.rrule()));
        }
    }

    @Test
    void a_weekly_rule_from_elsewhere_is_read_with_the_day_of_its_start_and_an_until_at_city_time() {
        Optional<WeeklyRecurrence> read = WeeklyRecurrence.read("FREQ=WEEKLY;UNTIL=20270331T183000Z;WKST=MO", List.of(),
                FIRST.toLocalDateTime());

        assertThat(read).contains(new WeeklyRecurrence(Set.of(DayOfWeek.THURSDAY), 1, LocalDate.of(2027, 3, 31), null,
                List.of()));
        assertThat(starts(read.orElseThrow().rrule())).hasSize(12);
    }

    @Test
    void a_rule_the_form_cannot_say_is_not_read_so_that_it_is_kept_as_it_is() {
        for (String rule : List.of("FREQ=MONTHLY;BYDAY=1FR", "FREQ=WEEKLY;BYDAY=TH;BYHOUR=19,21", "FREQ=DAILY",
                "FREQ=WEEKLY;BYDAY=2TH", "FREQ=WEEKLY;WKST=SU;BYDAY=TH", "FREQ=WEEKLY;UNTIL=20270331T183000",
                "nonsense")) {
            assertThat(WeeklyRecurrence.read(rule, List.of(), FIRST.toLocalDateTime())).as(rule).isEmpty();
        }
    }

    private static List<ZonedDateTime> starts(String rrule) {
        return new Recur<ZonedDateTime>(rrule).getDates(FIRST, FIRST, FIRST.plusYears(1), 100);
    }
}
