package de.stadtportal.content.article.domain;

/**
 * What other services must learn about an article. The application layer turns these into the
 * contract events, adding what the aggregate alone does not know (its translations).
 */
public sealed interface ArticleEvent {

    Article article();

    /** The article is public in this state; sent on publishing and on every later change. */
    record Published(Article article) implements ArticleEvent {
    }

    /** The article is no longer public (unpublished or deleted). */
    record Withdrawn(Article article) implements ArticleEvent {
    }
}
