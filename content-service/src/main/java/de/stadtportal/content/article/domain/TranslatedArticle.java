package de.stadtportal.content.article.domain;

import java.util.List;

/**
 * An article as it is read: the article in one locale and the other locales it is published in,
 * which apps offer as language links and which the published event carries along.
 */
public record TranslatedArticle(Article article, List<String> translations) {

    public TranslatedArticle {
        translations = List.copyOf(translations);
    }
}
