package de.stadtportal.contracts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

public record EventSnapshot(
        String id,
        String city,
        String title,
        String description,
        String category,
        String status,
        OffsetDateTime start,
        OffsetDateTime end,
        boolean allDay,
        String rrule,
        List<OffsetDateTime> nextOccurrences,
        VenueRef venue,
        Price price,
        boolean free,
        List<String> accessibility,
        String language,
        List<String> tags,
        Image image,
        OffsetDateTime previousStart) {

    public static final List<String> STATUSES = List.of("scheduled", "cancelled", "postponed", "rescheduled", "sold_out");

    public EventSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(start, "start");
        nextOccurrences = Checks.listOf(nextOccurrences);
        accessibility = Checks.listOf(accessibility);
        tags = Checks.listOf(tags);
    }
}
