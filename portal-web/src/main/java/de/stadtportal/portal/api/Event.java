package de.stadtportal.portal.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /api/events/{id}}: the event with its venue and its next starts. */
public record Event(String id, String city, String venueId, Venue venue, String title, String description,
        String category, OffsetDateTime start, OffsetDateTime end, boolean allDay, Price price, String ticketUrl,
        String language, List<String> accessibility, List<String> tags, Image image, String status,
        OffsetDateTime previousStart, List<OffsetDateTime> nextOccurrences, OffsetDateTime updatedAt) {

    /** Free, or from {@code min} to {@code max} in {@code currency}. */
    public record Price(boolean free, BigDecimal min, BigDecimal max, String currency) {
    }

    public List<String> accessibility() {
        return accessibility == null ? List.of() : accessibility;
    }
}
