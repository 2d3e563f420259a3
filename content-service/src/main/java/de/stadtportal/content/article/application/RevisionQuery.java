package de.stadtportal.content.article.application;

/** A page of an article's revisions, newest first, below version {@code before} (null: from the newest). */
public record RevisionQuery(ArticleQuery article, Long before, int limit) {
}
