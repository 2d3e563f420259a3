package de.stadtportal.content.article;

import de.stadtportal.content.Berlin;
import de.stadtportal.content.ImageBody;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** One saved state of an article, for editors: what changed, who saved it, and the content as it was. */
record RevisionView(long version, String change, String savedBy, OffsetDateTime savedAt, String status, String topic,
        String title, String subtitle, String summary, String body, List<String> tags, ImageBody heroImage,
        OffsetDateTime publishAt) {

    RevisionView(long version, String change, String savedBy, Instant savedAt, String status, String topic,
            String title, String subtitle, String summary, String body, List<String> tags, ImageBody heroImage,
            Instant publishAt) {
        this(version, change, savedBy, Berlin.time(savedAt), status, topic, title, subtitle, summary, body, tags,
                heroImage, Berlin.time(publishAt));
    }
}
