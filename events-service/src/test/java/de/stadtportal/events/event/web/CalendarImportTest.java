package de.stadtportal.events.event.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.stadtportal.events.event.application.ImportEvents;
import de.stadtportal.events.event.domain.EventDetails;
import de.stadtportal.kernel.refusal.InvalidInput;
import de.stadtportal.kernel.refusal.Violation;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How the VEVENTs of a calendar become the events of an import, and what is refused. */
class CalendarImportTest {

    private static final UUID VENUE = UUID.fromString("3f2b8c1e-5d4a-4e6b-9c2d-1a2b3c4d5e6f");
    private static final Set<String> CATEGORIES = Set.of("konzert", "theater", "fuehrung");

    @Test
    void times_in_a_zone_in_utc_and_without_a_zone_are_times_in_berlin() {
        List<EventDetails> read = details(calendar(
                vevent("a", "DTSTART;TZID=Europe/Berlin:20270321T110000", "DTEND;TZID=Europe/Berlin:20270321T123000"),
                vevent("b", "DTSTART:20270710T170000Z", "DURATION:PT2H"),
                vevent("c", "DTSTART:20270322T180000")));

        assertThat(read.get(0).start()).isEqualTo(OffsetDateTime.parse("2027-03-21T11:00:00+01:00"));
        assertThat(read.get(0).end()).isEqualTo(OffsetDateTime.parse("2027-03-21T12:30:00+01:00"));
        assertThat(read.get(1).start()).isEqualTo(OffsetDateTime.parse("2027-07-10T19:00:00+02:00"));
        assertThat(read.get(1).end()).isEqualTo(OffsetDateTime.parse("2027-07-10T21:00:00+02:00"));
        assertThat(read.get(2).start()).isEqualTo(OffsetDateTime.parse("2027-03-22T18:00:00+01:00"));
        assertThat(read.get(2).end()).isNull();
        assertThat(read).noneMatch(EventDetails::allDay);
    }

    @Test
    void a_date_is_an_all_day_event_and_a_one_day_end_is_no_end() {
        List<EventDetails> read = details(calendar(
                vevent("a", "DTSTART;VALUE=DATE:20270501", "DTEND;VALUE=DATE:20270502"),
                vevent("b", "DTSTART;VALUE=DATE:20270815", "DTEND;VALUE=DATE:20270818")));

        assertThat(read).allMatch(EventDetails::allDay);
        assertThat(read.get(0).start()).isEqualTo(OffsetDateTime.parse("2027-05-01T00:00:00+02:00"));
        assertThat(read.get(0).end()).isNull();
        assertThat(read.get(1).end()).isEqualTo(OffsetDateTime.parse("2027-08-18T00:00:00+02:00"));
    }

    @Test
    void the_series_the_texts_the_link_and_the_category_are_read() {
        ImportEvents read = read(calendar(vevent("orgel@musikforum.example",
                "DTSTART;TZID=Europe/Berlin:20270322T180000", "RRULE:FREQ=WEEKLY;COUNT=4",
                "EXDATE;TZID=Europe/Berlin:20270329T180000", "SUMMARY:Orgelstunde",
                "DESCRIPTION:Bach\\, Buxtehude\\nund Reger", "URL:https://musikforum.example/orgel",
                "CATEGORIES:Kirche,Konzert"),
                vevent("b", "DTSTART:20270322T180000", "CATEGORIES:Zirkus")), "konzert");

        ImportEvents.Entry series = read.entries().get(0);
        assertThat(series.uid()).isEqualTo("orgel@musikforum.example");
        EventDetails details = series.details();
        assertThat(details.city()).isEqualTo("bochum");
        assertThat(details.venueId()).isEqualTo(VENUE);
        assertThat(details.title()).isEqualTo("Orgelstunde");
        assertThat(details.description()).isEqualTo("Bach, Buxtehude\nund Reger");
        assertThat(details.ticketUrl()).isEqualTo("https://musikforum.example/orgel");
        assertThat(details.category()).as("the first of CATEGORIES that is a category here").isEqualTo("konzert");
        assertThat(details.recurrence().rrule()).isEqualTo("FREQ=WEEKLY;COUNT=4");
        assertThat(details.recurrence().exdates()).containsExactly(OffsetDateTime.parse("2027-03-29T18:00:00+02:00"));
        assertThat(read.entries().get(1).details().category()).as("the importer's category").isEqualTo("konzert");
        assertThat(read.entries().get(1).details().recurrence()).isNull();
    }

    @Test
    void every_vevent_that_cannot_be_imported_is_named_in_one_refusal() {
        String calendar = calendar(
                vevent("fine", "DTSTART:20270322T180000"),
                vevent(null, "DTSTART:20270322T180000"),
                vevent("fine", "DTSTART:20270323T180000"),
                vevent("moved", "DTSTART:20270324T180000", "RECURRENCE-ID:20270323T180000"),
                vevent("extra", "DTSTART:20270325T180000", "RDATE:20270401T180000"),
                vevent("off", "DTSTART:20270326T180000", "STATUS:CANCELLED"),
                vevent("undated"));

        assertThatThrownBy(() -> read(calendar, "konzert"))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> assertThat(refusal.violations())
                        .extracting(Violation::field)
                        .containsExactly("events[1].uid", "events[2].uid", "events[3].recurrenceId",
                                "events[4].recurrence", "events[5].status", "events[6].start"));
    }

    @Test
    void what_is_no_calendar_or_holds_no_event_is_refused_as_the_body() {
        for (String body : List.of("", "not a calendar", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n")) {
            assertThatThrownBy(() -> read(body, "konzert"))
                    .isInstanceOfSatisfying(InvalidInput.class, refusal -> assertThat(refusal.violations())
                            .extracting(Violation::field).containsExactly("body"));
        }
    }

    @Test
    void a_time_zone_no_one_knows_a_year_no_store_keeps_and_a_nul_are_refused() {
        assertThatThrownBy(() -> read(calendar(vevent("a", "DTSTART;TZID=Mare/Tranquillitatis:20270321T110000")),
                "konzert")).isInstanceOfSatisfying(InvalidInput.class, refusal -> assertThat(refusal.violations())
                        .extracting(Violation::field).containsExactly("events[0].start"));
        assertThatThrownBy(() -> read(calendar(vevent("a", "DTSTART:00000321T110000Z")), "konzert"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> read(calendar(vevent("a", "DTSTART:20270321T110000Z", "SUMMARY:A\u0000B")),
                "konzert")).isInstanceOfSatisfying(InvalidInput.class, refusal -> assertThat(refusal.violations())
                        .extracting(Violation::field).containsExactly("body"));
    }

    private static List<EventDetails> details(String calendar) {
        return read(calendar, "konzert").entries().stream().map(ImportEvents.Entry::details).toList();
    }

    private static ImportEvents read(String calendar, String category) {
        return CalendarImport.read(calendar, "bochum", VENUE, category, null, CATEGORIES);
    }

    static String calendar(String... vevents) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Programm//DE\r\n" + String.join("", vevents)
                + "END:VCALENDAR\r\n";
    }

    static String vevent(String uid, String... lines) {
        StringBuilder vevent = new StringBuilder("BEGIN:VEVENT\r\n");
        if (uid != null) {
            vevent.append("UID:").append(uid).append("\r\n");
        }
        vevent.append("DTSTAMP:20270101T120000Z\r\n");
        boolean titled = false;
        for (String line : lines) {
            vevent.append(line).append("\r\n");
            titled |= line.startsWith("SUMMARY:");
        }
        if (!titled) {
            vevent.append("SUMMARY:Konzert\r\n");
        }
        return vevent.append("END:VEVENT\r\n").toString();
    }
}
