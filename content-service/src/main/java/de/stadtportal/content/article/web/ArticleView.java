package de.stadtportal.content.article.web;

import de.stadtportal.kernel.PortalTime;
import de.stadtportal.content.web.ImageBody;
import de.stadtportal.content.article.domain.Article;
import de.stadtportal.content.article.domain.Content;
import de.stadtportal.content.article.domain.TranslatedArticle;
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

    static ArticleView of(TranslatedArticle found) {
        return of(found.article(), found.translations());
    }

    static ArticleView of(Article article, List<String> translations) {
        Content content = article.content();
        return new ArticleView(article.id(), article.city(), article.slug(), article.locale(), content.topic(),
                content.title(), content.subtitle(), content.summary(), content.body(),
                SafeHtml.fromMarkdown(content.body()), content.tags(),
                content.heroImage() == null ? null : new ImageBody(content.heroImage().url(), content.heroImage().alt()),
                article.status().wire(), article.version(), PortalTime.local(article.publishAt()),
                PortalTime.local(article.publishedAt()), PortalTime.local(article.createdAt()), PortalTime.local(article.updatedAt()),
                translations);
    }
}
