package de.stadtportal.content.article.application;

import de.stadtportal.kernel.version.IfMatch;

/** Delete one locale of an article with its revisions. */
public record DeleteArticle(ArticleQuery article, IfMatch ifMatch) {
}
