package de.stadtportal.content.article.domain;

/** A change the article's current state does not allow, such as scheduling an article that is already public. */
public class ArticleRuleViolated extends RuntimeException {

    public ArticleRuleViolated(String message) {
        super(message);
    }
}
