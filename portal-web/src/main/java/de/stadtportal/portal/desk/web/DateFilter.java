package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.domain.Problem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events list's date filter as the editor sets it: {@code von} and {@code bis} (both days
 * included, city time). Without {@code von} the list starts today; without {@code bis} it looks
 * {@link #DAYS_AHEAD} days ahead. The API takes the range as {@code from} and an exclusive {@code to}.
 *
 * @param von the first day, as typed ({@code JJJJ-MM-TT}), blank for today
 * @param bis the last day, as typed, blank for a season from {@code von}
 */
record DateFilter(String von, String bis) {

    /** How far ahead the list looks without {@code bis}: a season of a city's calendar. */
    static final int DAYS_AHEAD = 92;

    /** What the desk refuses itself, by field: a day it cannot read, a last day before the first. */
    Map<String, Problem> problems() {
        Map<String, Problem> problems = new LinkedHashMap<>();
        LocalDate first = day(von, "von", problems);
        LocalDate last = day(bis, "bis", problems);
        if (first != null && last != null && last.isBefore(first)) {
            problems.put("bis", Problem.of("desk.filter.backwards"));
        }
        return problems;
    }

    /** The filter with every day named, {@code today} filled in where the editor left them open. */
    DateFilter resolved(LocalDate today) {
        LocalDate first = blank(von) ? today : LocalDate.parse(von.strip());
        LocalDate last = blank(bis) ? first.plusDays(DAYS_AHEAD) : LocalDate.parse(bis.strip());
        return new DateFilter(first.toString(), last.toString());
    }

    public LocalDate from() {
        return LocalDate.parse(von);
    }

    public LocalDate last() {
        return LocalDate.parse(bis);
    }

    /** The day after the last: the API's {@code to} is exclusive. */
    LocalDate to() {
        return LocalDate.parse(bis).plusDays(1);
    }

    private static LocalDate day(String value, String field, Map<String, Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException unreadable) {
            problems.put(field, Problem.of("desk.form.date", value));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
