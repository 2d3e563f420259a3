package de.stadtportal.content.article.domain;

import java.time.Instant;

/** One saved state of an article: what changed, who saved it, and the content and schedule as they were. */
public record Revision(long version, String change, String savedBy, Instant savedAt, Status status, Content content,
        Instant publishAt) {
}
