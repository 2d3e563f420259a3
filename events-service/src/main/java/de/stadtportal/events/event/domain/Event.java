package de.stadtportal.events.event.domain;

import de.stadtportal.kernel.PortalTime;
import de.stadtportal.kernel.refusal.RuleBroken;
import de.stadtportal.kernel.refusal.Violations;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A cultural event, one-off or recurring. Every change, an edit or a step in its lifecycle
 * (cancel, postpone, reschedule, sell out), returns a new version; the application stores it and
 * publishes what {@link #published} says about it in the same transaction.
 */
public record Event(
        UUID id,
        EventDetails details,
        EventStatus status,
        OffsetDateTime previousStart,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** How many upcoming starts an event's snapshot carries for search. */
    public static final int NEXT_STARTS = 10;

    public static Event create(UUID id, EventDetails details, Set<String> categories, Instant now) {
        return new Event(id, details.validate(categories), EventStatus.SCHEDULED, null, 1, now, now);
    }

    public Event revise(EventDetails changed, Set<String> categories, Instant now) {
        return new Event(id, changed.validate(categories), status, previousStart, version + 1, createdAt, now);
    }

    public Event cancel(Instant now) {
        if (status == EventStatus.CANCELLED) {
            throw new RuleBroken("The event is cancelled already");
        }
        return next(EventStatus.CANCELLED, details, previousStart, now);
    }

    public Event postpone(Instant now) {
        if (status == EventStatus.CANCELLED || status == EventStatus.POSTPONED) {
            throw new RuleBroken("A " + status.apiName() + " event cannot be postponed; reschedule it instead");
        }
        return next(EventStatus.POSTPONED, details, previousStart, now);
    }

    /** Moves the event (or the whole series) to a new start, remembering the one it had. */
    public Event reschedule(OffsetDateTime newStart, OffsetDateTime newEnd, Instant now) {
        new Violations()
                .require(newStart != null, "start", "is required")
                .require(newEnd == null || newStart == null || newEnd.isAfter(newStart), "end", "must be after start")
                .throwIfAny();
        OffsetDateTime end = newEnd != null ? newEnd
                : details.end() == null ? null : newStart.plus(Duration.between(details.start(), details.end()));
        EventDetails moved = new EventDetails(details.city(), details.venueId(), details.title(), details.description(),
                details.category(), newStart, end, details.allDay(), details.recurrence(), details.price(),
                details.ticketUrl(), details.language(), details.accessibility(), details.tags(), details.image());
        return next(EventStatus.RESCHEDULED, moved.withinLimits(), details.start(), now);
    }

    public Event soldOut(Instant now) {
        if (status != EventStatus.SCHEDULED && status != EventStatus.RESCHEDULED) {
            throw new RuleBroken("A " + status.apiName() + " event cannot be sold out");
        }
        return next(EventStatus.SOLD_OUT, details, previousStart, now);
    }

    /**
     * The same event as a new version, to be published again: something its snapshot shows from
     * outside the event itself has moved on (its venue changed, its announced starts ran low).
     */
    public Event republished(Instant now) {
        return next(status, details, previousStart, now);
    }

    private Event next(EventStatus newStatus, EventDetails newDetails, OffsetDateTime newPreviousStart, Instant now) {
        return new Event(id, newDetails, newStatus, newPreviousStart, version + 1, createdAt, now);
    }

    /** How long each occurrence lasts: to {@code end}, a whole day when all-day, otherwise a moment. */
    public Duration duration() {
        if (details.end() != null) {
            return Duration.between(details.start(), details.end());
        }
        return details.allDay() ? Duration.ofDays(1) : Duration.ZERO;
    }

    /**
     * The occurrences that overlap {@code [from, to)} and start no earlier than {@code notBefore},
     * in order, at most {@code max}: the bound that keeps every query's expansion small.
     */
    public List<Occurrence> occurrences(Instant from, Instant to, Instant notBefore, int max) {
        Duration duration = duration();
        Instant searchFrom = from.minus(duration);
        if (notBefore != null && notBefore.isAfter(searchFrom)) {
            searchFrom = notBefore;
        }
        ZonedDateTime first = details.start().atZoneSameInstant(PortalTime.ZONE);
        List<ZonedDateTime> starts = details.recurring()
                ? details.recurrence().starts(first, searchFrom, to, max + 1)
                : (first.toInstant().isBefore(searchFrom) || !first.toInstant().isBefore(to) ? List.of() : List.of(first));
        List<Occurrence> occurrences = new ArrayList<>();
        for (ZonedDateTime start : starts) {
            ZonedDateTime end = start.plus(duration);
            boolean overlaps = duration.isZero() ? !start.toInstant().isBefore(from) : end.toInstant().isAfter(from);
            if (overlaps && occurrences.size() < max) {
                occurrences.add(new Occurrence(start.toOffsetDateTime(),
                        details.end() == null && !details.allDay() ? null : end.toOffsetDateTime()));
            }
        }
        return occurrences;
    }

    /** When the last occurrence ends, or empty when the series goes on (for finding candidates in the database). */
    public Optional<Instant> seriesEnd() {
        Duration duration = duration();
        if (!details.recurring()) {
            return Optional.of(details.start().toInstant().plus(duration));
        }
        return details.recurrence().lastStart(details.start().atZoneSameInstant(PortalTime.ZONE))
                .map(last -> last.plus(duration));
    }

    public List<OffsetDateTime> nextStarts(Instant now) {
        return occurrences(now, now.plus(Duration.ofDays(3660)), now, NEXT_STARTS).stream()
                .map(Occurrence::start).toList();
    }

    /**
     * When this version's announced starts ({@link #nextStarts} as of {@code updatedAt}) run low: the
     * start of the sixth of ten, for a series that goes on beyond them; empty when every remaining
     * start is announced.
     */
    public Optional<Instant> announceAgainAt() {
        List<OffsetDateTime> announced = details.recurring() ? nextStarts(updatedAt) : List.of();
        return announced.size() < NEXT_STARTS ? Optional.empty()
                : Optional.of(announced.get(NEXT_STARTS / 2).toInstant());
    }

    /** The event every new version causes: the event as it is now, to be published. */
    public EventChange.Published published() {
        return new EventChange.Published(this);
    }

    /** The event that says this event is gone; its version follows the last change. */
    public EventChange.Withdrawn withdrawn(Instant now) {
        return new EventChange.Withdrawn(id, version + 1, now, details.city());
    }

    /** The same time in the portal's zone, as events are planned and presented. */
    public static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(PortalTime.ZONE).toOffsetDateTime();
    }
}
