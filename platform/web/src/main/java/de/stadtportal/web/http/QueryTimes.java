package de.stadtportal.web.http;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Times in query parameters ({@code from}, {@code to}): an ISO-8601 date-time with offset, or a
 * date meaning the start of that day in the given zone ({@code endOfDay}: the start of the next
 * day). Years outside 1–9999 are refused like malformed text, since no store or calendar keeps them.
 */
public final class QueryTimes {

    private QueryTimes() {
    }

    /**
     * @return the time, or null for an absent or blank parameter
     * @throws IllegalArgumentException with a message fit for a field error
     */
    public static OffsetDateTime parse(String raw, boolean endOfDay, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text);
        } catch (DateTimeException notATime) {
            try {
                LocalDate date = LocalDate.parse(text);
                time = (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toOffsetDateTime();
            } catch (DateTimeException notADate) {
                throw new IllegalArgumentException("must be an ISO-8601 date or date-time with offset");
            }
        }
        if (time.getYear() < 1 || time.getYear() > 9999) {
            throw new IllegalArgumentException("must lie between the years 1 and 9999");
        }
        return time;
    }
}
