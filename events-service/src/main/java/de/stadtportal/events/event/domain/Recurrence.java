package de.stadtportal.events.event.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * An RFC 5545 {@code RRULE} with its exception dates. Occurrences are computed from the first start
 * as a time in Europe/Berlin, not as an instant plus multiples of seven days, so a weekly concert at
 * 19:00 stays at 19:00 local time when the clocks change in March and October.
 * <p>
 * Rules finer than daily are refused: they would turn a single query into thousands of
 * occurrences, and no cultural event repeats every hour. {@code COUNT} is bounded for the same reason.
 */
public record Recurrence(String rrule, List<OffsetDateTime> exdates) {

    public static final int MAX_COUNT = 1000;
    public static final int MAX_INTERVAL = 52;
    private static final Set<Frequency> ALLOWED = Set.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY,
            Frequency.YEARLY);

    public Recurrence {
        exdates = exdates == null ? List.of()
                : exdates.stream().map(exdate -> exdate == null ? null : Event.berlin(exdate)).toList();
    }

    /** Why the rule cannot be used, or empty if it can. */
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
        if (recur.getFrequency() == null || !ALLOWED.contains(recur.getFrequency())) {
            return Optional.of("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY");
        }
        if (recur.getCount() > MAX_COUNT) {
            return Optional.of("COUNT must be at most " + MAX_COUNT);
        }
        if (recur.getInterval() > MAX_INTERVAL) {
            return Optional.of("INTERVAL must be at most " + MAX_INTERVAL);
        }
        return Optional.empty();
    }

    /**
     * The starts of the series, the first start included, from {@code from} (inclusive) to
     * {@code to} (exclusive), without the exception dates, at most {@code max} of them.
     */
    List<ZonedDateTime> starts(ZonedDateTime first, Instant from, Instant to, int max) {
        Set<Instant> excluded = exdates.stream().map(OffsetDateTime::toInstant).collect(Collectors.toSet());
        Recur<ZonedDateTime> recur = new Recur<>(rrule);
        ZonedDateTime periodStart = ZonedDateTime.ofInstant(from, first.getZone());
        ZonedDateTime periodEnd = ZonedDateTime.ofInstant(to, first.getZone());
        TreeSet<ZonedDateTime> starts = new TreeSet<>();
        if (!first.toInstant().isBefore(from) && first.toInstant().isBefore(to)) {
            starts.add(first);
        }
        if (periodStart.isBefore(periodEnd)) {
            // more than asked for, as exception dates are removed afterwards
            starts.addAll(recur.getDates(first, periodStart, periodEnd, max + excluded.size() + 1));
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
     * The last start of a series that ends within ten years (COUNT or UNTIL), or empty for one that
     * goes on longer or forever; used to find candidate events in the database, so erring long is safe.
     */
    Optional<Instant> lastStart(ZonedDateTime first) {
        Recur<ZonedDateTime> recur = new Recur<>(rrule);
        if (recur.getCount() < 1 && recur.getUntil() == null) {
            return Optional.empty();
        }
        ZonedDateTime horizon = first.plusYears(10);
        if (!recur.getDates(first, horizon, horizon.plusYears(MAX_INTERVAL + 1), 1).isEmpty()) {
            return Optional.empty();
        }
        Instant last = first.toInstant();
        for (ZonedDateTime start : recur.getDates(first, first, horizon)) {
            if (start.toInstant().isAfter(last)) {
                last = start.toInstant();
            }
        }
        return Optional.of(last);
    }
}
