package de.stadtportal.content.article.application;

import de.stadtportal.kernel.version.IfMatch;

/** Take a public article back to draft (withdrawing it), or cancel its schedule. */
public record UnpublishArticle(ArticleQuery article, IfMatch ifMatch) {
}
