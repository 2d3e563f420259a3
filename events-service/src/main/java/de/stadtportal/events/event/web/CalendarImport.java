package de.stadtportal.events.event.web;

import de.stadtportal.events.event.application.ImportEvents;
import de.stadtportal.events.event.domain.EventDetails;
import de.stadtportal.events.event.domain.Recurrence;
import de.stadtportal.kernel.PortalTime;
import de.stadtportal.kernel.refusal.InvalidInput;
import de.stadtportal.kernel.refusal.Violation;
import de.stadtportal.web.json.StrictInput;
import java.io.IOException;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Duration;

/**
 * The events of an RFC 5545 calendar (what a venue's or a ticket system's iCalendar export holds),
 * read with ical4j into the events of an import: every VEVENT becomes an event at the venue the
 * importer names, in the city it names. SUMMARY is the title, DESCRIPTION the description, DTSTART
 * and DTEND (or DURATION) the times, a DATE start an all-day event, RRULE and EXDATE the series,
 * URL the ticket link, and the first of CATEGORIES that is a category of the platform the category
 * (else the importer's). A time without a zone is a time in Europe/Berlin. LOCATION, alarms and
 * attendees are not read. What cannot become an event is named by its item ({@code events[i]}), all
 * in one refusal: a VEVENT without UID or DTSTART, a changed occurrence of a series (RECURRENCE-ID,
 * or a UID twice), extra dates of a series (RDATE), a cancelled one.
 */
final class CalendarImport {

    static final String MEDIA_TYPE = "text/calendar";
    private static final int MAX_UID = 255;

    private CalendarImport() {
    }

    /** The import the calendar {@code text} asks for; refused as a whole if any VEVENT cannot be imported. */
    static ImportEvents read(String text, String city, UUID venueId, String category, String language,
            Set<String> categories) {
        List<VEvent> vevents = vevents(text);
        List<ImportEvents.Entry> entries = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        Set<String> uids = new HashSet<>();
        for (int i = 0; i < vevents.size(); i++) {
            VEvent vevent = vevents.get(i);
            String item = "events[" + i + "]";
            int before = problems.size();
            String uid = text(vevent, Property.UID).map(String::strip).orElse("");
            if (uid.isEmpty()) {
                problems.add(new Violation(item + ".uid", "is required: every VEVENT has a UID (RFC 5545)"));
            } else if (uid.length() > MAX_UID) {
                problems.add(new Violation(item + ".uid", "must be at most " + MAX_UID + " characters"));
            } else if (!uids.add(uid)) {
                problems.add(new Violation(item + ".uid", "appears twice in the calendar: a changed occurrence of "
                        + "a series cannot be imported"));
            }
            if (vevent.getProperty(Property.RECURRENCE_ID).isPresent()) {
                problems.add(new Violation(item + ".recurrenceId", "a changed occurrence of a series (RECURRENCE-ID) "
                        + "cannot be imported"));
            }
            if (vevent.getProperty(Property.RDATE).isPresent()) {
                problems.add(new Violation(item + ".recurrence", "extra dates of a series (RDATE) cannot be imported; "
                        + "use RRULE and EXDATE"));
            }
            if (text(vevent, Property.STATUS).filter("CANCELLED"::equalsIgnoreCase).isPresent()) {
                problems.add(new Violation(item + ".status", "is CANCELLED: remove it from the calendar to import "
                        + "the others"));
            }
            Optional<Temporal> start = Optional.empty();
            try {
                start = date(vevent, Property.DTSTART, "start");
                if (start.isEmpty()) {
                    problems.add(new Violation(item + ".start", "DTSTART is required, a DATE or a DATE-TIME"));
                }
            } catch (Unreadable unreadable) {
                problems.add(new Violation(item + "." + unreadable.field, unreadable.getMessage()));
            }
            if (problems.size() == before) {
                try {
                    entries.add(new ImportEvents.Entry(uid,
                            details(vevent, start.get(), city, venueId, category, language, categories)));
                } catch (Unreadable unreadable) {
                    problems.add(new Violation(item + "." + unreadable.field, unreadable.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput("The calendar has " + problems.size() + " VEVENT(s) that cannot be imported; "
                    + "nothing was imported", problems);
        }
        return new ImportEvents(city, entries);
    }

    private static List<VEvent> vevents(String text) {
        String unstorable = text == null ? null : StrictInput.problemWith(text);
        if (unstorable != null) {
            throw new InvalidInput("The calendar holds text no store can keep", new Violation("body", unstorable));
        }
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(text == null ? "" : text));
        } catch (ParserException e) {
            throw new InvalidInput("The body is not an iCalendar (RFC 5545) document",
                    new Violation("body", "cannot be read at line " + e.getLineNo()));
        } catch (IOException | RuntimeException e) {
            throw new InvalidInput("The body is not an iCalendar (RFC 5545) document",
                    new Violation("body", "cannot be read as a VCALENDAR"));
        }
        List<VEvent> vevents = calendar.getComponents(Component.VEVENT);
        if (vevents.isEmpty()) {
            throw new InvalidInput("The calendar holds no event",
                    new Violation("body", "must hold at least one VEVENT"));
        }
        return vevents;
    }

    private static EventDetails details(VEvent vevent, Temporal start, String city, UUID venueId,
            String category, String language, Set<String> categories) {
        boolean allDay = start instanceof LocalDate;
        OffsetDateTime from = time(start, "start");
        OffsetDateTime until = date(vevent, Property.DTEND, "end").map(end -> time(end, "end"))
                .or(() -> vevent.<Duration>getProperty(Property.DURATION)
                        .map(duration -> from.atZoneSameInstant(PortalTime.ZONE).plus(duration.getDuration())
                                .toOffsetDateTime()))
                .orElse(null);
        if (allDay && until != null && !until.isAfter(from.plusDays(1))) {
            until = null; // DTEND of a one-day event is the next day (RFC 5545 §3.6.1): an all-day event without end
        }
        Recurrence recurrence = text(vevent, Property.RRULE)
                .map(rule -> new Recurrence(rule, exdates(vevent).stream()
                        .map(exdate -> time(exdate, "recurrence.exdates")).toList()))
                .orElse(null);
        String chosen = vevent.<Categories>getProperties(Property.CATEGORIES).stream()
                .flatMap(named -> Arrays.stream(named.getValue().split("(?<!\\\\),")))
                .map(String::strip).map(String::toLowerCase).filter(categories::contains)
                .findFirst().orElse(category);
        return new EventDetails(city, venueId, text(vevent, Property.SUMMARY).map(String::strip).orElse(null),
                text(vevent, Property.DESCRIPTION).orElse(null), chosen, from, until, allDay, recurrence, null,
                text(vevent, Property.URL).orElse(null), language, null, null, null);
    }

    private static Optional<String> text(VEvent vevent, String property) {
        return vevent.getProperty(property).map(Property::getValue);
    }

    private static Optional<Temporal> date(VEvent vevent, String property, String field) {
        try {
            return vevent.<DateProperty<Temporal>>getProperty(property).map(DateProperty::getDate);
        } catch (DateTimeException e) {
            throw new Unreadable(field, "cannot be read: " + e.getMessage());
        }
    }

    private static List<Temporal> exdates(VEvent vevent) {
        try {
            return vevent.<DateListProperty<Temporal>>getProperties(Property.EXDATE).stream()
                    .flatMap(exdates -> exdates.getDates().stream()).toList();
        } catch (DateTimeException e) {
            throw new Unreadable("recurrence.exdates", "cannot be read: " + e.getMessage());
        }
    }

    /** A start or end as the platform keeps it: a time in Europe/Berlin, whatever form the calendar used. */
    private static OffsetDateTime time(Temporal value, String field) {
        OffsetDateTime time;
        if (value instanceof LocalDate date) {
            time = date.atStartOfDay(PortalTime.ZONE).toOffsetDateTime();
        } else if (value instanceof LocalDateTime floating) {
            time = floating.atZone(PortalTime.ZONE).toOffsetDateTime();
        } else if (value instanceof ZonedDateTime zoned) {
            time = zoned.toOffsetDateTime();
        } else if (value instanceof OffsetDateTime offset) {
            time = offset;
        } else if (value instanceof Instant instant) {
            time = instant.atZone(PortalTime.ZONE).toOffsetDateTime();
        } else {
            throw new Unreadable(field, "is a time of a form that cannot be read");
        }
        if (time.getYear() < StrictInput.FIRST_YEAR || time.getYear() > StrictInput.LAST_YEAR) {
            throw new Unreadable(field, "must lie between the years " + StrictInput.FIRST_YEAR + " and "
                    + StrictInput.LAST_YEAR);
        }
        return time;
    }

    /** A value of one VEVENT that cannot become a value of an event; named with its item by {@link #read}. */
    private static final class Unreadable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String field;

        Unreadable(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
