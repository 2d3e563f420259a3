package de.stadtportal.portal.api;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/cities/{city}/articles/{slug}?locale=}: {@code locale} is the one served (German
 * when the asked one does not exist), {@code translations} the locales there are, {@code bodyHtml}
 * the body rendered and sanitized by the platform.
 */
public record Article(String title, String subtitle, String summary, String bodyHtml, Image heroImage, String slug,
        String topic, String locale, List<String> translations, OffsetDateTime publishedAt, OffsetDateTime updatedAt) {

    public List<String> translations() {
        return translations == null ? List.of() : translations;
    }
}
