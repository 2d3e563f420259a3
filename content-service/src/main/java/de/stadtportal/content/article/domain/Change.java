package de.stadtportal.content.article.domain;

import java.util.List;

/**
 * The outcome of a decision: the article as it is now, what happened (for the revision list) and
 * the events it caused. An unchanged outcome means there is nothing to store.
 */
public record Change(Article article, String what, List<ArticleEvent> events, boolean changed) {

    public Change {
        events = List.copyOf(events);
    }

    /** Whether the article is gone after this change. */
    public boolean deletes() {
        return "deleted".equals(what);
    }

    static Change none(Article article) {
        return new Change(article, "unchanged", List.of(), false);
    }
}
