package de.stadtportal.portal.desk.api;

import java.time.OffsetDateTime;

/** One saved state of an article ({@code GET …/revisions}): what changed, who saved it and when (city time). */
public record DeskRevision(long version, String change, String savedBy, OffsetDateTime savedAt, String status,
        String title, String summary, String body, OffsetDateTime publishAt) {

    public DeskRevision {
        savedAt = DeskEvent.local(savedAt);
        publishAt = DeskEvent.local(publishAt);
    }
}
