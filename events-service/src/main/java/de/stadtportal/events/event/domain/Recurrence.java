package de.stadtportal.events.event.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * An RFC 5545 {@code RRULE} with its exception dates. Occurrences are computed from the first start
 * as a time in Europe/Berlin, not as an instant plus multiples of seven days, so a weekly concert at
 * 19:00 stays at 19:00 local time when the clocks change in March and October.
 * <p>
 * Every expansion is bounded by a number of starts, not only by time. ical4j builds each period's
 * candidates (every BYDAY × BYHOUR × BYMINUTE × BYSECOND combination of a day, a week, a month or
 * a year) before it filters them or stops at a maximum count, so a bound on the starts asked for
 * alone does not bound the work: a daily rule listing every hour, minute and second asks for 86,400
 * candidates a day. {@link #limitProblem} therefore counts, from the rule alone and without
 * expanding anything, how many candidates the rule can produce within {@link #HORIZON} of its first
 * start (RFC 5545's table of which BY-part expands and which limits, per frequency), and refuses a
 * rule that can produce more than {@link #MAX_STARTS}. A rule that passes costs at most that much
 * to expand, wherever and however often it is expanded. Rules finer than daily are refused outright:
 * no cultural event repeats every hour.
 * <p>
 * Longer than most classes on purpose: the count of candidates follows RFC 5545's table of
 * expanding and limiting BY-parts, and it stays next to the expansion it bounds, so that a change
 * to one is read together with the other.
 */
public record Recurrence(String rrule, List<OffsetDateTime> exdates) {

    public static final int MAX_COUNT = 1000;
    public static final int MAX_INTERVAL = 52;
    public static final int MAX_EXDATES = 1000;
    /** The most starts (candidates, to be exact) a rule may produce within {@link #HORIZON} of its first start. */
    public static final int MAX_STARTS = 10_000;
    /** How far a series is looked at from its first start; one running longer counts as endless. */
    public static final Period HORIZON = Period.ofYears(10);

    private static final Set<Frequency> ALLOWED = Set.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY,
            Frequency.YEARLY);
    private static final Map<Frequency, ChronoUnit> PERIOD = Map.of(Frequency.DAILY, ChronoUnit.DAYS,
            Frequency.WEEKLY, ChronoUnit.WEEKS, Frequency.MONTHLY, ChronoUnit.MONTHS, Frequency.YEARLY, ChronoUnit.YEARS);

    public Recurrence {
        exdates = exdates == null ? List.of()
                : exdates.stream().map(exdate -> exdate == null ? null : Event.local(exdate)).toList();
    }

    /** Why the rule is not a rule this service can read (bad input), or empty if it is. */
    public Optional<String> problem() {
        if (rrule == null || rrule.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (rrule.regionMatches(true, 0, "RRULE:", 0, 6)) {
            return Optional.of("must be the rule's value without the 'RRULE:' prefix");
        }
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(rrule);
        } catch (RuntimeException e) {
            return Optional.of("is not a valid RFC 5545 RRULE: " + e.getMessage());
        }
        if (recur.getFrequency() == null) {
            return Optional.of("is not a valid RFC 5545 RRULE: FREQ is missing");
        }
        Temporal until = ((Recur<?>) recur).getUntil();
        if (until != null && !(until instanceof OffsetDateTime || until instanceof ZonedDateTime
                || until instanceof Instant)) {
            return Optional.of("UNTIL must be a UTC date-time like 20271105T235959Z, as the start has a time");
        }
        return Optional.empty();
    }

    /**
     * Why the rule asks for more than the service expands, for a series first starting at
     * {@code first}, or empty if it does not. Only for a rule without {@link #problem()}.
     */
    public Optional<String> limitProblem(ZonedDateTime first) {
        Recur<ZonedDateTime> recur = new Recur<>(rrule);
        if (!ALLOWED.contains(recur.getFrequency())) {
            return Optional.of("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY");
        }
        if (recur.getCount() > MAX_COUNT) {
            return Optional.of("COUNT must be at most " + MAX_COUNT);
        }
        if (recur.getInterval() > MAX_INTERVAL) {
            return Optional.of("INTERVAL must be at most " + MAX_INTERVAL);
        }
        for (Map.Entry<String, List<?>> part : parts(recur).entrySet()) {
            if (new HashSet<>(part.getValue()).size() < part.getValue().size()) {
                return Optional.of(part.getKey() + " lists a value more than once");
            }
        }
        long most = mostStarts(recur, first);
        if (most > MAX_STARTS) {
            return Optional.of("may produce up to " + most + " starts within " + HORIZON.getYears()
                    + " years of the first start, more than the " + MAX_STARTS
                    + " allowed; use fewer BY values, a coarser FREQ, a larger INTERVAL or an earlier UNTIL");
        }
        return Optional.empty();
    }

    /**
     * The starts of the series, the first start included, from {@code from} (inclusive) to
     * {@code to} (exclusive), without the exception dates, at most {@code max} of them. A rule over
     * the bound (stored before the bound existed) is not expanded: it shows its first start only.
     */
    List<ZonedDateTime> starts(ZonedDateTime first, Instant from, Instant to, int max) {
        Set<Instant> excluded = exdates.stream().map(OffsetDateTime::toInstant).collect(Collectors.toSet());
        ZonedDateTime periodStart = ZonedDateTime.ofInstant(from, first.getZone());
        ZonedDateTime periodEnd = ZonedDateTime.ofInstant(to, first.getZone());
        TreeSet<ZonedDateTime> starts = new TreeSet<>();
        if (!first.toInstant().isBefore(from) && first.toInstant().isBefore(to)) {
            starts.add(first);
        }
        if (periodStart.isBefore(periodEnd) && expandable(first)) {
            // more than asked for, as exception dates are removed afterwards
            starts.addAll(new Recur<ZonedDateTime>(rrule).getDates(first, periodStart, periodEnd,
                    Math.min(max + excluded.size() + 1, MAX_STARTS)));
        }
        List<ZonedDateTime> result = new ArrayList<>(max);
        for (ZonedDateTime start : starts) {
            Instant instant = start.toInstant();
            if (instant.isBefore(from) || !instant.isBefore(to) || excluded.contains(instant)) {
                continue;
            }
            if (result.size() == max) {
                break;
            }
            result.add(start);
        }
        return result;
    }

    /**
     * The last start of a series that ends within {@link #HORIZON} (COUNT or UNTIL), or empty for
     * one that goes on longer or forever; used to find candidate events in the database, so erring
     * long is safe: a series with UNTIL is taken to last until then, without expanding it.
     */
    Optional<Instant> lastStart(ZonedDateTime first) {
        Recur<ZonedDateTime> recur = new Recur<>(rrule);
        Optional<Instant> until = until(recur);
        if (recur.getCount() < 1 && until.isEmpty()) {
            return Optional.empty();
        }
        ZonedDateTime horizon = first.plus(HORIZON);
        if (until.isPresent()) {
            Instant last = until.get();
            return last.isAfter(horizon.toInstant()) ? Optional.empty()
                    : Optional.of(last.isBefore(first.toInstant()) ? first.toInstant() : last);
        }
        if (!expandable(first)) {
            return Optional.empty();
        }
        if (!recur.getDates(first, horizon, horizon.plusYears(MAX_INTERVAL + 1), 1).isEmpty()) {
            return Optional.empty();
        }
        Instant last = first.toInstant();
        for (ZonedDateTime start : recur.getDates(first, first, horizon, MAX_STARTS)) {
            if (start.toInstant().isAfter(last)) {
                last = start.toInstant();
            }
        }
        return Optional.of(last);
    }

    private boolean expandable(ZonedDateTime first) {
        return problem().isEmpty() && limitProblem(first).isEmpty();
    }

    /**
     * An upper bound of the candidates ical4j builds for the rule within {@link #HORIZON} of
     * {@code first}: periods in the horizon (up to UNTIL, or as many as COUNT needs when every
     * candidate is a start) times the candidates of one period.
     */
    private static long mostStarts(Recur<ZonedDateTime> recur, ZonedDateTime first) {
        long perPeriod = candidatesPerPeriod(recur);
        ZonedDateTime end = first.plus(HORIZON);
        Optional<Instant> until = until(recur);
        if (until.isPresent() && until.get().isBefore(end.toInstant())) {
            end = ZonedDateTime.ofInstant(until.get(), first.getZone());
        }
        long interval = Math.max(1, recur.getInterval());
        long periods = Math.max(0, PERIOD.get(recur.getFrequency()).between(first, end)) / interval + 1;
        if (recur.getCount() > 0 && !limits(recur)) {
            periods = Math.min(periods, (recur.getCount() + perPeriod - 1) / perPeriod + 1);
        }
        return saturatedProduct(periods, perPeriod);
    }

    /** RFC 5545 §3.3.10: which BY-parts expand a period's candidates, per frequency (DAILY and coarser). */
    private static long candidatesPerPeriod(Recur<?> recur) {
        long times = size(recur.getHourList()) * size(recur.getMinuteList()) * size(recur.getSecondList());
        List<WeekDay> days = recur.getDayList();
        boolean byDayLimits = !recur.getMonthDayList().isEmpty() || !recur.getYearDayList().isEmpty();
        long dates = switch (recur.getFrequency()) {
            case WEEKLY -> size(days);
            case MONTHLY -> !recur.getMonthDayList().isEmpty() ? recur.getMonthDayList().size() : weekdays(days, 5);
            case YEARLY -> saturatedProduct(size(recur.getMonthList()) * size(recur.getWeekNoList()),
                    size(recur.getYearDayList()) * size(recur.getMonthDayList())
                            * (byDayLimits ? 1 : weekdays(days, !recur.getWeekNoList().isEmpty() ? 1
                                    : !recur.getMonthList().isEmpty() ? 5 : 53)));
            default -> 1;
        };
        return saturatedProduct(dates, times);
    }

    /** Whether some candidates may not be starts (a BY-part limits, or BYSETPOS picks), so COUNT bounds nothing. */
    private static boolean limits(Recur<?> recur) {
        boolean monthDays = !recur.getMonthDayList().isEmpty();
        boolean yearDays = !recur.getYearDayList().isEmpty();
        boolean weekNos = !recur.getWeekNoList().isEmpty();
        boolean months = !recur.getMonthList().isEmpty();
        boolean days = !recur.getDayList().isEmpty();
        return !recur.getSetPosList().isEmpty() || switch (recur.getFrequency()) {
            case DAILY -> monthDays || yearDays || weekNos || months || days;
            case WEEKLY -> monthDays || yearDays || weekNos || months;
            case MONTHLY -> yearDays || weekNos || months || (days && monthDays);
            default -> days && (monthDays || yearDays);
        };
    }

    /** The BY-parts, by name, for the check against repeated values. */
    private static Map<String, List<?>> parts(Recur<?> recur) {
        Map<String, List<?>> parts = new LinkedHashMap<>();
        parts.put("BYSECOND", recur.getSecondList());
        parts.put("BYMINUTE", recur.getMinuteList());
        parts.put("BYHOUR", recur.getHourList());
        parts.put("BYDAY", recur.getDayList());
        parts.put("BYMONTHDAY", recur.getMonthDayList());
        parts.put("BYYEARDAY", recur.getYearDayList());
        parts.put("BYWEEKNO", recur.getWeekNoList());
        parts.put("BYMONTH", recur.getMonthList());
        parts.put("BYSETPOS", recur.getSetPosList());
        return parts;
    }

    /** Days a BYDAY list expands to: one for {@code 1FR}, {@code plain} for {@code FR} (every Friday of the period). */
    private static long weekdays(List<WeekDay> days, int plain) {
        return days.isEmpty() ? 1 : days.stream().mapToLong(day -> day.getOffset() != 0 ? 1 : plain).sum();
    }

    private static long size(List<?> values) {
        return Math.max(1, values.size());
    }

    private static long saturatedProduct(long a, long b) {
        long product = a * b;
        return a != 0 && (product / a != b || product < 0) ? Long.MAX_VALUE : product;
    }

    /** UNTIL as an instant; ical4j hands it out as whatever type it parsed, whatever the seed's type. */
    private static Optional<Instant> until(Recur<?> recur) {
        Temporal until = recur.getUntil();
        if (until instanceof OffsetDateTime time) {
            return Optional.of(time.toInstant());
        }
        if (until instanceof ZonedDateTime time) {
            return Optional.of(time.toInstant());
        }
        return until instanceof Instant instant ? Optional.of(instant) : Optional.empty();
    }
}
