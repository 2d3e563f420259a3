package de.stadtportal.portal.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /api/events/{id}}: the event with its venue and its next starts. */
public record Event(String id, String title, String description, String status, OffsetDateTime start,
        OffsetDateTime previousStart, boolean allDay, List<OffsetDateTime> nextOccurrences, Venue venue, String city,
        Price price, String ticketUrl, List<String> accessibility, Image image) {

    /** Free, or from {@code min} to {@code max} in {@code currency}. */
    public record Price(boolean free, BigDecimal min, BigDecimal max, String currency) {
    }

    public List<String> accessibility() {
        return accessibility == null ? List.of() : accessibility;
    }
}
