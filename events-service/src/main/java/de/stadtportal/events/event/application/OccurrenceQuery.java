package de.stadtportal.events.event.application;

import de.stadtportal.kernel.Geo;
import java.time.Instant;
import java.util.UUID;

/**
 * A page of occurrences in {@code [from, to)}, soonest first, already checked (the web layer names
 * every bad parameter in one answer). Filters are {@code null} when not asked for; {@code afterStart}
 * and {@code afterEvent} are the position of the previous page's last occurrence, or {@code null}.
 */
public record OccurrenceQuery(
        String city,
        Instant from,
        Instant to,
        String category,
        UUID venue,
        Geo near,
        double radiusKm,
        Boolean free,
        Boolean accessible,
        int limit,
        Instant afterStart,
        UUID afterEvent) {

    /** The feature {@code accessible=true} asks for: step-free access for wheelchairs. */
    public static final String ACCESSIBLE_FEATURE = "wheelchair";
}
