package de.stadtportal.portal.desk.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The recurrence form of an event: weekly on some days, every {@code everyWeeks} weeks, ending on a
 * date ({@code until}, inclusive, city time) or after a number of times, without the dates in
 * {@code except}. {@link #rrule()} writes the RFC 5545 rule (UNTIL in UTC, as the standard asks
 * when the start has a time zone); {@link #exdates} the excluded starts at the event's time of day;
 * {@link #read} the answers back from a rule, so that an event is edited in the form it was made in.
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

    /**
     * What is wrong with the answers, by form field, as message keys of the desk's texts; empty when
     * nothing is. {@code first} is the first start of the series: it has to fall on one of the days
     * (RFC 5545 counts the first start even when the rule would not), and the excepted days have to
     * be days of the series, or the editor meant another day than they wrote.
     */
    public Map<String, Problem> problems(LocalDate first) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        if (days.isEmpty()) {
            problems.put("tage", Problem.of("desk.recurrence.noDay"));
        } else if (first != null && !days.contains(first.getDayOfWeek())) {
            problems.put("tage", Problem.of("desk.recurrence.startNotOnDay", first));
        }
        if (everyWeeks < 1 || everyWeeks > MAX_WEEKS) {
            problems.put("wochen", Problem.of("desk.recurrence.weeks", 1, MAX_WEEKS));
        }
        if (until != null && times != null) {
            problems.put("ende", Problem.of("desk.recurrence.untilOrTimes"));
        } else if (until != null && first != null && until.isBefore(first)) {
            problems.put("bis", Problem.of("desk.recurrence.untilBeforeStart"));
        } else if (times != null && (times < 1 || times > MAX_TIMES)) {
            problems.put("anzahl", Problem.of("desk.recurrence.times", 1, MAX_TIMES));
        }
        if (except.size() > MAX_TIMES) {
            problems.put("ausser", Problem.of("desk.recurrence.tooManyExceptions", MAX_TIMES));
        } else if (first != null && !problems.containsKey("wochen")) {
            except.stream().filter(day -> !inSeries(day, first)).findFirst().ifPresent(
                    day -> problems.put("ausser", Problem.of("desk.recurrence.exceptNotInSeries", day)));
        }
        return problems;
    }

    /** Whether the series starting on {@code first} can take place on {@code day} (ignoring a count). */
    private boolean inSeries(LocalDate day, LocalDate first) {
        long weeks = ChronoUnit.WEEKS.between(first.with(DayOfWeek.MONDAY), day.with(DayOfWeek.MONDAY));
        return days.contains(day.getDayOfWeek()) && !day.isBefore(first) && (until == null || !day.isAfter(until))
                && weeks % everyWeeks == 0;
    }

    /**
     * The answers that wrote {@code rrule}, for an event edited in the form again; empty when the rule
     * says more than the form can (monthly, by position, hours), so that the desk keeps it untouched.
     * A weekly rule without days takes place on the day of its first start, as RFC 5545 says.
     */
    public static Optional<WeeklyRecurrence> read(String rrule, List<OffsetDateTime> exdates, LocalDateTime first) {
        if (rrule == null) {
            return Optional.empty();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        int every = 1;
        LocalDate until = null;
        Integer times = null;
        boolean weekly = false;
        boolean plain = true;
        try {
            for (String part : rrule.strip().split(";")) {
                String[] pair = part.split("=", 2);
                String value = pair.length == 2 ? pair[1].strip() : "";
                switch (pair[0].strip().toUpperCase(Locale.ROOT)) {
                    case "FREQ" -> weekly = value.equalsIgnoreCase("WEEKLY");
                    case "INTERVAL" -> every = Integer.parseInt(value);
                    case "COUNT" -> times = Integer.valueOf(value);
                    case "UNTIL" -> until = untilDay(value);
                    case "WKST" -> plain &= value.equalsIgnoreCase("MO");
                    case "BYDAY" -> {
                        for (String code : value.split(",")) {
                            days.add(day(code.strip()));
                        }
                    }
                    default -> plain = false;
                }
            }
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        if (!weekly || !plain) {
            return Optional.empty();
        }
        if (days.isEmpty() && first != null) {
            days.add(first.getDayOfWeek());
        }
        List<LocalDate> except = exdates == null ? List.of() : exdates.stream()
                .map(start -> start.atZoneSameInstant(CITY_TIME).toLocalDate()).toList();
        return Optional.of(new WeeklyRecurrence(days, every, until, times, except));
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

    private static DayOfWeek day(String code) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (code(day).equalsIgnoreCase(code)) {
                return day;
            }
        }
        throw new IllegalArgumentException("not a plain weekday: " + code);
    }

    /** The city's day of an {@code UNTIL}: UTC as the desk writes it, or a date. */
    private static LocalDate untilDay(String value) {
        if (value.length() == 8) {
            return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
        }
        if (!value.endsWith("Z")) {
            throw new IllegalArgumentException("a floating UNTIL: " + value);
        }
        return LocalDateTime.parse(value, UTC).atOffset(ZoneOffset.UTC).atZoneSameInstant(CITY_TIME).toLocalDate();
    }
}
