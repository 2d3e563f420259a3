package de.stadtportal.content.article;

import de.stadtportal.content.Berlin;
import de.stadtportal.content.ImageBody;
import de.stadtportal.content.article.domain.Article;
import de.stadtportal.content.article.domain.Content;
import de.stadtportal.content.article.rendering.SafeHtml;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An article as the API serves it (SPEC §9). {@code locale} is the locale actually served, which
 * differs from the requested one when the read fell back; {@code bodyHtml} is rendered and
 * sanitized on every read, so a stricter sanitizer applies to old articles too.
 */
record ArticleView(UUID id, String city, String slug, String locale, String topic, String title, String subtitle,
        String summary, String body, String bodyHtml, List<String> tags, ImageBody heroImage, String status,
        long version, OffsetDateTime publishAt, OffsetDateTime publishedAt, OffsetDateTime createdAt,
        OffsetDateTime updatedAt, List<String> translations) {

    static ArticleView of(Article article, List<String> translations) {
        Content content = article.content();
        return new ArticleView(article.id(), article.city(), article.slug(), article.locale(), content.topic(),
                content.title(), content.subtitle(), content.summary(), content.body(),
                SafeHtml.fromMarkdown(content.body()), content.tags(),
                content.heroImage() == null ? null : new ImageBody(content.heroImage().url(), content.heroImage().alt()),
                article.status().wire(), article.version(), Berlin.time(article.publishAt()),
                Berlin.time(article.publishedAt()), Berlin.time(article.createdAt()), Berlin.time(article.updatedAt()),
                translations);
    }
}
