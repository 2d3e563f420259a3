package de.stadtportal.content.article.application;

import de.stadtportal.kernel.version.IfMatch;
import java.time.Instant;

/** Publish now, or schedule when {@code publishAt} lies ahead (null or past: now). */
public record PublishArticle(ArticleQuery article, Instant publishAt, IfMatch ifMatch) {
}
