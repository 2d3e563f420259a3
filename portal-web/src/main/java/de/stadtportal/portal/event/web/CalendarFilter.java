package de.stadtportal.portal.event.web;

import de.stadtportal.portal.page.QueryLink;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a visitor chose in the calendar's form, checked: a date that is not a date is left out
 * (and said so), a category is a slug or nothing. It turns into the API's query and back into
 * the portal's own links for the next page.
 */
record CalendarFilter(LocalDate from, LocalDate to, String category, boolean free, boolean accessible,
        String cursor, boolean invalidDate) {

    static CalendarFilter of(String from, String to, String category, String free, String accessible,
            String cursor) {
        boolean[] invalid = {false};
        return new CalendarFilter(date(from, invalid), date(to, invalid),
                category != null && category.matches("[a-z0-9_-]{1,40}") ? category : null,
                "1".equals(free) || "true".equals(free), "1".equals(accessible) || "true".equals(accessible),
                cursor != null && cursor.length() <= 500 ? cursor : null, invalid[0]);
    }

    private static LocalDate date(String text, boolean[] invalid) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            invalid[0] = true;
            return null;
        }
    }

    /** The API's query for this filter in {@code city}. */
    Map<String, Object> query(String city, int limit) {
        Map<String, Object> query = new HashMap<>();
        query.put("city", city);
        query.put("from", from);
        query.put("to", to);
        query.put("category", category);
        query.put("free", free ? "true" : null);
        query.put("accessible", accessible ? "true" : null);
        query.put("cursor", cursor);
        query.put("limit", limit);
        return query;
    }

    /** The portal's link to the next page of the same filter. */
    String next(String path, String nextCursor) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("von", from);
        parameters.put("bis", to);
        parameters.put("kategorie", category);
        parameters.put("kostenlos", free ? "1" : null);
        parameters.put("barrierefrei", accessible ? "1" : null);
        parameters.put("cursor", nextCursor);
        return QueryLink.of(path, parameters);
    }
}
