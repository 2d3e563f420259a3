package de.stadtportal.events.event.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.stadtportal.kernel.refusal.InvalidInput;
import de.stadtportal.kernel.refusal.LimitExceeded;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Expansion of RFC 5545 rules into occurrences, in Europe/Berlin time, without a server. */
public class RecurrenceTest {

    private static final Set<String> CATEGORIES = Set.of("konzert");
    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void a_weekly_concert_stays_at_seven_in_the_evening_across_both_clock_changes_and_skips_its_exception() {
        Event event = event("2027-03-05T19:00:00+01:00", "2027-03-05T21:00:00+01:00",
                new Recurrence("FREQ=WEEKLY;UNTIL=20271105T235959Z", List.of(OffsetDateTime.parse("2027-04-02T19:00:00+02:00"))));

        List<Occurrence> all = event.occurrences(Instant.parse("2027-03-01T00:00:00Z"),
                Instant.parse("2027-11-30T00:00:00Z"), null, 100);

        assertThat(all).hasSize(35);
        assertThat(all).allSatisfy(occurrence -> {
            assertThat(occurrence.start().toLocalTime()).isEqualTo(LocalTime.of(19, 0));
            assertThat(occurrence.end().toLocalTime()).isEqualTo(LocalTime.of(21, 0));
        });
        assertThat(start(all, "2027-03-26")).hasToString("2027-03-26T19:00+01:00");
        assertThat(start(all, "2027-04-09")).hasToString("2027-04-09T19:00+02:00");
        assertThat(start(all, "2027-10-29")).hasToString("2027-10-29T19:00+02:00");
        assertThat(start(all, "2027-11-05")).hasToString("2027-11-05T19:00+01:00");
        assertThat(all).extracting(o -> o.start().toLocalDate().toString()).doesNotContain("2027-04-02");
    }

    @Test
    void the_expansion_stops_at_the_bound_a_query_gives_even_for_an_endless_series() {
        Event event = event("2020-01-06T19:00:00+01:00", null, new Recurrence("FREQ=DAILY", List.of()));

        List<Occurrence> some = event.occurrences(Instant.parse("2027-06-01T00:00:00Z"),
                Instant.parse("2028-06-01T00:00:00Z"), null, 5);

        assertThat(some).extracting(o -> o.start().toString()).containsExactly("2027-06-01T19:00+02:00",
                "2027-06-02T19:00+02:00", "2027-06-03T19:00+02:00", "2027-06-04T19:00+02:00", "2027-06-05T19:00+02:00");
        assertThat(event.seriesEnd()).isEmpty();
    }

    @Test
    void an_occurrence_running_when_the_window_opens_is_included() {
        Event event = event("2027-05-01T10:00:00+02:00", "2027-05-03T18:00:00+02:00", null);

        assertThat(event.occurrences(Instant.parse("2027-05-02T00:00:00Z"), Instant.parse("2027-05-02T01:00:00Z"), null, 10))
                .hasSize(1);
        assertThat(event.occurrences(Instant.parse("2027-05-03T16:00:00Z"), Instant.parse("2027-05-04T00:00:00Z"), null, 10))
                .isEmpty();
        assertThat(event.occurrences(Instant.parse("2027-04-01T00:00:00Z"), Instant.parse("2027-05-01T08:00:00Z"), null, 10))
                .isEmpty();
    }

    @Test
    void a_counted_series_ends_with_its_last_occurrence() {
        Event event = event("2027-03-20T19:00:00+01:00", "2027-03-20T21:00:00+01:00",
                new Recurrence("FREQ=WEEKLY;COUNT=4", List.of()));

        assertThat(event.seriesEnd()).contains(Instant.parse("2027-04-10T19:00:00Z"));
        assertThat(event.occurrences(Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"), null, 100))
                .extracting(o -> o.start().toString())
                .containsExactly("2027-03-20T19:00+01:00", "2027-03-27T19:00+01:00", "2027-04-03T19:00+02:00",
                        "2027-04-10T19:00+02:00");
    }

    @Test
    void occurrences_before_a_cursor_are_skipped_without_counting_against_the_bound() {
        Event event = event("2027-03-01T18:00:00+01:00", null, new Recurrence("FREQ=DAILY;COUNT=30", List.of()));

        List<Occurrence> after = event.occurrences(Instant.parse("2027-03-01T00:00:00Z"),
                Instant.parse("2027-04-01T00:00:00Z"), Instant.parse("2027-03-20T17:00:00Z"), 3);

        assertThat(after).extracting(o -> o.start().toString())
                .containsExactly("2027-03-20T18:00+01:00", "2027-03-21T18:00+01:00", "2027-03-22T18:00+01:00");
    }

    @Test
    void unreadable_rules_are_bad_input_naming_the_rule() {
        for (String rule : List.of("FREQ=SOMETIMES", "garbage", "FREQ=WEEKLY;BYDAY=XX", "RRULE:FREQ=DAILY",
                "FREQ=DAILY;BYHOUR=25", "FREQ=DAILY;UNTIL=20271105", "FREQ=DAILY;UNTIL=20271105T235959")) {
            assertThatThrownBy(() -> event("2027-03-05T19:00:00+01:00", null, new Recurrence(rule, List.of())))
                    .as(rule)
                    .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.violations())
                            .anySatisfy(v -> assertThat(v.field()).isEqualTo("recurrence.rrule")));
        }
    }

    /** Each BY-part that multiplies a period's starts, alone and combined, finer frequencies, large COUNT, far UNTIL. */
    public static final List<String> BOMBS = List.of(
            "FREQ=SECONDLY",
            "FREQ=MINUTELY;COUNT=10",
            "FREQ=HOURLY;UNTIL=20270401T000000Z",
            "FREQ=DAILY;COUNT=100000",
            "FREQ=DAILY;INTERVAL=1000",
            "FREQ=DAILY;BYHOUR=" + range(0, 23),
            "FREQ=DAILY;BYMINUTE=" + range(0, 59),
            "FREQ=DAILY;BYSECOND=" + range(0, 59),
            "FREQ=DAILY;BYHOUR=" + range(0, 23) + ";BYMINUTE=" + range(0, 59) + ";BYSECOND=" + range(0, 59)
                    + ";UNTIL=99991231T235959Z",
            "FREQ=DAILY;BYHOUR=" + range(0, 23) + ";BYMINUTE=" + range(0, 59) + ";BYSETPOS=1",
            "FREQ=DAILY;BYHOUR=19,19,19",
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=" + range(0, 23),
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYMINUTE=0,15,30,45",
            "FREQ=MONTHLY;BYMONTHDAY=" + range(1, 31) + ";BYHOUR=10,14,18",
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYSECOND=" + range(0, 59),
            "FREQ=YEARLY;BYYEARDAY=" + range(1, 366) + ";BYHOUR=10,14,18",
            "FREQ=YEARLY;BYWEEKNO=" + range(1, 53) + ";BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=10,14,18",
            "FREQ=YEARLY;BYMONTH=" + range(1, 12) + ";BYMONTHDAY=" + range(1, 31) + ";BYMINUTE=0,20,40",
            "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=0,6,12,18",
            "FREQ=YEARLY;BYMONTH=" + range(1, 12) + ";BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=" + range(0, 23)
                    + ";BYSETPOS=1,-1;COUNT=1000",
            "FREQ=DAILY;BYHOUR=9,12,15,18;UNTIL=99991231T235959Z");

    @Test
    void rules_that_expand_beyond_the_bound_are_refused_over_the_limit_naming_the_rule_without_expanding() {
        for (String rule : BOMBS) {
            assertThatThrownBy(() -> event("2027-03-05T19:00:00+01:00", null, new Recurrence(rule, List.of())))
                    .as(rule)
                    .isInstanceOfSatisfying(LimitExceeded.class, over -> assertThat(over.violations())
                            .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("recurrence.rrule")));
        }
    }

    @Test
    void rules_a_venue_really_plays_stay_within_the_bound() {
        for (String rule : List.of("FREQ=DAILY", "FREQ=DAILY;BYHOUR=15,19", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
                "FREQ=WEEKLY;BYDAY=FR,SA;BYHOUR=18,21", "FREQ=MONTHLY;BYDAY=1FR", "FREQ=MONTHLY;BYMONTHDAY=" + range(1, 31),
                "FREQ=YEARLY;BYMONTH=12;BYDAY=SA,SU", "FREQ=YEARLY;BYYEARDAY=" + range(1, 366),
                "FREQ=DAILY;BYHOUR=10,12,14,16,18;COUNT=1000", "FREQ=DAILY;UNTIL=99991231T235959Z",
                "FREQ=DAILY;BYHOUR=" + range(0, 23) + ";UNTIL=20270801T000000Z", "FREQ=YEARLY;INTERVAL=52")) {
            assertThat(event("2027-03-05T19:00:00+01:00", null, new Recurrence(rule, List.of())).seriesEnd())
                    .as(rule).isNotNull();
        }
    }

    @Test
    void a_series_with_a_far_until_counts_as_endless_without_being_expanded() {
        Event event = event("2027-03-05T19:00:00+01:00", null,
                new Recurrence("FREQ=DAILY;UNTIL=99991231T235959Z", List.of()));

        assertThat(event.seriesEnd()).isEmpty();
        assertThat(event(("2027-03-05T19:00:00+01:00"), null,
                new Recurrence("FREQ=DAILY;UNTIL=20270310T120000Z", List.of())).seriesEnd())
                .contains(Instant.parse("2027-03-10T12:00:00Z"));
    }

    @Test
    void a_rule_stored_before_the_bound_shows_its_first_start_and_is_never_expanded() {
        EventDetails details = details("2027-03-05T19:00:00+01:00", new Recurrence("FREQ=DAILY;BYHOUR=" + range(0, 23)
                + ";BYMINUTE=" + range(0, 59) + ";BYSECOND=" + range(0, 59) + ";UNTIL=99991231T235959Z", List.of()));
        Event stored = new Event(UUID.randomUUID(), details, EventStatus.SCHEDULED, null, 1, NOW, NOW);

        assertThat(stored.occurrences(Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z"),
                null, 100)).extracting(o -> o.start().toString()).containsExactly("2027-03-05T19:00+01:00");
        assertThat(stored.seriesEnd()).isEmpty();
        assertThat(stored.nextStarts(NOW)).extracting(OffsetDateTime::toString).containsExactly("2027-03-05T19:00+01:00");
    }

    @Test
    void too_many_exception_dates_are_over_the_limit() {
        List<OffsetDateTime> exdates = java.util.stream.IntStream.range(0, Recurrence.MAX_EXDATES + 1)
                .mapToObj(day -> OffsetDateTime.parse("2027-03-05T19:00:00+01:00").plusDays(day)).toList();

        assertThatThrownBy(() -> event("2027-03-05T19:00:00+01:00", null, new Recurrence("FREQ=DAILY", exdates)))
                .isInstanceOfSatisfying(LimitExceeded.class, over -> assertThat(over.violations())
                        .extracting(v -> v.field()).containsExactly("recurrence.exdates"));
    }

    @Test
    void rescheduling_keeps_the_rule_within_the_bound() {
        Event event = event("2027-03-05T19:00:00+01:00", null,
                new Recurrence("FREQ=DAILY;BYHOUR=" + range(0, 23) + ";UNTIL=20270801T000000Z", List.of()));

        assertThatThrownBy(() -> event.reschedule(OffsetDateTime.parse("2020-03-05T19:00:00+01:00"), null, NOW))
                .isInstanceOf(LimitExceeded.class);
    }

    private static String range(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(","));
    }

    @Test
    void next_starts_for_search_are_the_upcoming_ones_only() {
        Event event = event("2026-12-04T19:00:00+01:00", null, new Recurrence("FREQ=WEEKLY;COUNT=6", List.of()));

        assertThat(event.nextStarts(NOW)).extracting(OffsetDateTime::toString)
                .containsExactly("2027-01-01T19:00+01:00", "2027-01-08T19:00+01:00");
    }

    private static OffsetDateTime start(List<Occurrence> occurrences, String date) {
        return occurrences.stream().map(Occurrence::start).filter(s -> s.toLocalDate().toString().equals(date))
                .findFirst().orElseThrow();
    }

    @Test
    void a_series_is_announced_again_when_the_sixth_of_its_ten_announced_starts_has_begun() {
        Event weekly = event("2026-10-02T19:00:00+02:00", null, new Recurrence("FREQ=WEEKLY", List.of()));

        assertThat(weekly.nextStarts(NOW)).hasSize(Event.NEXT_STARTS)
                .first().hasToString("2027-01-01T19:00+01:00");
        assertThat(weekly.announceAgainAt()).contains(Instant.parse("2027-02-05T18:00:00Z"));

        Event later = weekly.republished(Instant.parse("2027-02-05T18:00:01Z"));
        assertThat(later.version()).isEqualTo(weekly.version() + 1);
        assertThat(later.nextStarts(later.updatedAt()))
                .hasSize(Event.NEXT_STARTS).first().hasToString("2027-02-12T19:00+01:00");
        assertThat(later.announceAgainAt()).contains(Instant.parse("2027-03-19T18:00:00Z"));
    }

    @Test
    void a_single_event_and_a_series_with_ten_or_fewer_starts_left_need_no_second_announcement() {
        assertThat(event("2027-03-05T19:00:00+01:00", null, null).announceAgainAt()).isEmpty();
        assertThat(event("2026-12-04T19:00:00+01:00", null, new Recurrence("FREQ=WEEKLY;COUNT=12", List.of()))
                .announceAgainAt()).isEmpty();
        assertThat(event("2027-01-01T19:00:00+01:00", null, new Recurrence("FREQ=WEEKLY;COUNT=11", List.of()))
                .announceAgainAt()).contains(Instant.parse("2027-02-05T18:00:00Z"));
    }

    private static Event event(String start, String end, Recurrence recurrence) {
        EventDetails details = new EventDetails("bochum", UUID.randomUUID(), "Wochenkonzert", "", "konzert",
                OffsetDateTime.parse(start), end == null ? null : OffsetDateTime.parse(end), false, recurrence,
                new Price(false, null, null, null), null, "de", List.of(), List.of(), null);
        return Event.create(UUID.randomUUID(), details, CATEGORIES, NOW.atOffset(ZoneOffset.UTC).toInstant());
    }

    private static EventDetails details(String start, Recurrence recurrence) {
        return new EventDetails("bochum", UUID.randomUUID(), "Wochenkonzert", "", "konzert", OffsetDateTime.parse(start),
                null, false, recurrence, new Price(false, null, null, null), null, "de", List.of(), List.of(), null);
    }
}
