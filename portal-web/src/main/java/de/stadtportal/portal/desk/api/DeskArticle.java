package de.stadtportal.portal.desk.api;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An article as an editor reads it ({@code GET /api/cities/{city}/articles/{slug}?locale=}): with its
 * Markdown source, its status and when it is to be or was published, in city time (JSON reading keeps
 * the instant, not the offset, and the desk shows the times the events pages show).
 */
public record DeskArticle(String slug, String locale, String topic, String title, String subtitle, String summary,
        String body, String bodyHtml, List<String> tags, HeroImage heroImage, String status, long version,
        OffsetDateTime publishAt, OffsetDateTime publishedAt, OffsetDateTime updatedAt, List<String> translations) {

    public DeskArticle {
        publishAt = DeskEvent.local(publishAt);
        publishedAt = DeskEvent.local(publishedAt);
        updatedAt = DeskEvent.local(updatedAt);
        tags = tags == null ? List.of() : tags;
        translations = translations == null ? List.of() : translations;
    }

    /** The hero image as the API names it: a URL or a library item, and its alternative text. */
    public record HeroImage(String url, String alt, String mediaId) {
    }

    /** A draft with a time to be published at. */
    public boolean scheduled() {
        return "draft".equals(status) && publishAt != null;
    }

    public boolean published() {
        return "published".equals(status);
    }
}
