package de.stadtportal.events.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.stadtportal.contracts.Price;
import de.stadtportal.events.domain.InvalidInput;
import de.stadtportal.events.event.domain.Event;
import de.stadtportal.events.event.domain.EventDetails;
import de.stadtportal.events.event.domain.Occurrence;
import de.stadtportal.events.event.domain.Recurrence;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Expansion of RFC 5545 rules into occurrences, in Europe/Berlin time, without a server. */
class RecurrenceTest {

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
    void invalid_or_unbounded_rules_are_refused_with_the_field_named() {
        for (String rule : List.of("FREQ=SOMETIMES", "garbage", "FREQ=WEEKLY;BYDAY=XX", "FREQ=MINUTELY",
                "FREQ=DAILY;COUNT=100000", "RRULE:FREQ=DAILY")) {
            assertThatThrownBy(() -> event("2027-03-05T19:00:00+01:00", null, new Recurrence(rule, List.of())))
                    .as(rule)
                    .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.violations())
                            .anySatisfy(v -> assertThat(v.field()).isEqualTo("recurrence.rrule")));
        }
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
}
