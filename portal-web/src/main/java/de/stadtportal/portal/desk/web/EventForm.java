package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.EventWrite;
import de.stadtportal.portal.desk.domain.WeeklyRecurrence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event form as the browser posts it: times as {@code datetime-local} (city time), and the
 * recurrence as answers ("weekly on {@code tage}, every {@code wochen} weeks, until {@code bis} or
 * {@code anzahl} times, except {@code ausser}"), which {@link WeeklyRecurrence} turns into a rule.
 */
record EventForm(String title, String description, String category, String venueId, String start, String end,
        String wiederholen, List<String> tage, String wochen, String bis, String anzahl, String ausser) {

    static final List<String> FIELDS = List.of("title", "description", "category", "venueId", "start", "end", "tage",
            "wochen", "ende", "bis", "anzahl", "ausser");

    static EventForm empty() {
        return new EventForm("", "", "", "", "", "", null, List.of(), "1", "", "", "");
    }

    public boolean repeats() {
        return wiederholen != null && !wiederholen.isBlank();
    }

    public boolean on(String day) {
        return tage != null && tage.contains(day);
    }

    /** The event for the API, or the fields the desk itself must refuse, by name. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDateTime first = time(start, "start", problems);
        time(end, "end", problems);
        if (repeats()) {
            WeeklyRecurrence recurrence = recurrence(problems);
            if (recurrence != null) {
                problems.putAll(recurrence.problems(first == null ? null : first.toLocalDate()));
            }
        }
        return problems;
    }

    EventWrite write(String city) {
        LocalDateTime first = LocalDateTime.parse(start);
        EventWrite.Recurrence rule = null;
        if (repeats()) {
            WeeklyRecurrence recurrence = recurrence(new LinkedHashMap<>());
            rule = new EventWrite.Recurrence(recurrence.rrule(), recurrence.exdates(first));
        }
        return new EventWrite(city, blank(venueId) ? null : venueId, title, blank(description) ? null : description,
                category, at(first), blank(end) ? null : at(LocalDateTime.parse(end)), rule, "de");
    }

    private WeeklyRecurrence recurrence(Map<String, String> problems) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : tage == null ? List.<String>of() : tage) {
            try {
                days.add(DayOfWeek.valueOf(day));
            } catch (IllegalArgumentException unknown) {
                problems.put("tage", "unbekannter Wochentag");
            }
        }
        Integer weeks = number(blank(wochen) ? "1" : wochen, "wochen", problems);
        LocalDate until = blank(bis) ? null : day(bis, "bis", problems);
        Integer times = blank(anzahl) ? null : number(anzahl, "anzahl", problems);
        List<LocalDate> except = new ArrayList<>();
        for (String day : blank(ausser) ? new String[0] : ausser.split("[,\\s]+")) {
            if (!day.isBlank()) {
                except.add(day(day.strip(), "ausser", problems));
            }
        }
        return problems.isEmpty() ? new WeeklyRecurrence(days, weeks, until, times, except) : null;
    }

    private static OffsetDateTime at(LocalDateTime time) {
        return time.atZone(WeeklyRecurrence.CITY_TIME).toOffsetDateTime();
    }

    private static LocalDateTime time(String value, String field, Map<String, String> problems) {
        if (blank(value)) {
            if (field.equals("start")) {
                problems.put(field, "darf nicht leer sein");
            }
            return null;
        }
        try {
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException unreadable) {
            problems.put(field, "muss ein Datum mit Uhrzeit sein");
            return null;
        }
    }

    private static LocalDate day(String value, String field, Map<String, String> problems) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException unreadable) {
            problems.put(field, "muss ein Datum sein (JJJJ-MM-TT)");
            return null;
        }
    }

    private static Integer number(String value, String field, Map<String, String> problems) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException unreadable) {
            problems.put(field, "muss eine Zahl sein");
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
