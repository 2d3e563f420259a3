package de.stadtportal.content.media.application;

import java.time.Instant;
import java.util.UUID;

/**
 * A page of a city's library, the newest upload first, continuing after {@code after} (null for
 * the first page).
 */
public record MediaListQuery(String city, After after, int limit) {

    /** The upload time and id of the last item of the previous page. */
    public record After(Instant createdAt, UUID id) {
    }
}
