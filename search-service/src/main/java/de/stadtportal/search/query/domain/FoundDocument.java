package de.stadtportal.search.query.domain;

import java.time.OffsetDateTime;

/**
 * A document a search found, with the texts its snippet is cut from.
 *
 * @param startsAt for events, the next start that has not passed, else the first start
 * @param score the rank the list is ordered by (highest first); the position of a page
 */
public record FoundDocument(String type, String id, String city, String title, String summary, String body,
        String url, String status, OffsetDateTime startsAt, double score) {
}
