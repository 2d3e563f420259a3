package de.stadtportal.portal.desk.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The recurrence form of an event: weekly on some days, every {@code everyWeeks} weeks, ending on a
 * date ({@code until}, inclusive, city time) or after a number of times, without the dates in
 * {@code except}. {@link #rrule()} writes the RFC 5545 rule (UNTIL in UTC, as the standard asks
 * when the start has a time zone); {@link #exdates} the excluded starts at the event's time of day.
 *
 * @param days       the weekdays it takes place on, at least one
 * @param everyWeeks 1 for every week, 2 for every other week, … (at most 52, as the API allows)
 * @param until      the last day it may take place on, or null
 * @param times      how many times it takes place, or null; not together with {@code until}
 * @param except     days it does not take place on
 */
public record WeeklyRecurrence(Set<DayOfWeek> days, int everyWeeks, LocalDate until, Integer times,
        List<LocalDate> except) {

    /** The cities' time zone: the events API reads times of day in it. */
    public static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");
    public static final int MAX_WEEKS = 52;
    public static final int MAX_TIMES = 1000;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    public WeeklyRecurrence {
        days = days == null || days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
        except = except == null ? List.of() : List.copyOf(except);
    }

    /** What is wrong with the answers, by form field, in the desk's own words (German); empty when none. */
    public Map<String, String> problems(LocalDate firstDay) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (days.isEmpty()) {
            problems.put("tage", "mindestens einen Wochentag wählen");
        }
        if (everyWeeks < 1 || everyWeeks > MAX_WEEKS) {
            problems.put("wochen", "zwischen 1 und " + MAX_WEEKS);
        }
        if (until != null && times != null) {
            problems.put("ende", "entweder ein Enddatum oder eine Anzahl, nicht beides");
        } else if (until != null && firstDay != null && until.isBefore(firstDay)) {
            problems.put("bis", "liegt vor dem ersten Termin");
        } else if (times != null && (times < 1 || times > MAX_TIMES)) {
            problems.put("anzahl", "zwischen 1 und " + MAX_TIMES);
        }
        return problems;
    }

    /** The rule, e.g. {@code FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20270331T215959Z}. */
    public String rrule() {
        StringBuilder rule = new StringBuilder("FREQ=WEEKLY");
        if (everyWeeks > 1) {
            rule.append(";INTERVAL=").append(everyWeeks);
        }
        rule.append(";BYDAY=").append(days.stream().map(WeeklyRecurrence::code).collect(Collectors.joining(",")));
        if (until != null) {
            // the last second of that day in the city, as UTC
            rule.append(";UNTIL=").append(until.atTime(LocalTime.MAX.withNano(0)).atZone(CITY_TIME)
                    .withZoneSameInstant(ZoneOffset.UTC).format(UTC));
        } else if (times != null) {
            rule.append(";COUNT=").append(times);
        }
        return rule.toString();
    }

    /** The starts left out: each excepted day at the time of day of {@code start}, city time. */
    public List<OffsetDateTime> exdates(LocalDateTime start) {
        List<OffsetDateTime> starts = new ArrayList<>();
        for (LocalDate day : except) {
            starts.add(day.atTime(start.toLocalTime()).atZone(CITY_TIME).toOffsetDateTime());
        }
        return starts;
    }

    private static String code(DayOfWeek day) {
        return day.name().substring(0, 2);
    }
}
