package de.stadtportal.events.event.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The starts of an event kept in a table so that a page of occurrences is read in start order
 * instead of expanding every candidate's rule: every start in {@code [from, until)}, at most a
 * bounded number of them. {@code from} is null when the listing begins with the event's first
 * start, {@code until} null when no start follows the listed ones; a series without end is listed
 * a fixed time ahead and listed again before that runs out.
 * <p>
 * A one-off event or a finite series that fits is listed whole. A series with more starts than the
 * bound lists those from {@code since} (a month back) on; whatever a query needs outside the listing
 * is expanded from the rule, as before, so a listing is never wrong, only sometimes not enough.
 */
public record Listing(Instant from, Instant until, List<Occurrence> occurrences) {

    public Listing {
        occurrences = List.copyOf(occurrences);
    }

    /**
     * The listing of {@code event} as of {@code now}: its starts up to {@code now + ahead}, at most
     * {@code max}, from the first one when they fit and from {@code now - behind} otherwise.
     */
    public static Listing of(Event event, Instant now, Duration ahead, Duration behind, int max) {
        Instant first = event.details().start().toInstant();
        if (!event.details().recurring()) {
            return new Listing(null, null, startsIn(event, first, first.plusSeconds(1), 1));
        }
        Instant horizon = now.plus(ahead);
        Instant from = null;
        List<Occurrence> starts = startsIn(event, first, horizon, max + 1);
        if (starts.size() > max) {
            Instant since = now.minus(behind);
            if (since.isAfter(first)) {
                from = since;
                starts = startsIn(event, since, horizon, max + 1);
            }
        }
        if (starts.size() > max) {
            return new Listing(from, starts.get(max).start().toInstant(), starts.subList(0, max));
        }
        boolean endsBefore = event.seriesEnd()
                .map(end -> end.minus(event.duration()).isBefore(horizon))
                .orElse(false);
        return new Listing(from, endsBefore ? null : horizon, starts);
    }

    /** The earliest query window start ({@code from}) whose occurrences are all listed; null for any. */
    public Instant coversWindowsFrom(Duration duration) {
        return from == null ? null : from.plus(duration);
    }

    /** The occurrences whose start is in {@code [from, to)}, at most {@code max}. */
    private static List<Occurrence> startsIn(Event event, Instant from, Instant to, int max) {
        return event.occurrences(from, to, from, max);
    }
}
