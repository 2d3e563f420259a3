package de.stadtportal.content.article.application;

import de.stadtportal.content.article.domain.Content;
import de.stadtportal.kernel.version.IfMatch;
import java.time.Instant;

/**
 * Replace the content of one locale of an article. {@code slug} and {@code locale} of the body may
 * only repeat the article's own ({@code bodySlug}, {@code bodyLocale}; null when left out).
 */
public record ReviseArticle(ArticleQuery article, String bodySlug, String bodyLocale, Content content,
        Instant publishAt, IfMatch ifMatch) {
}
