package de.stadtportal.content.article.application;

import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Lets other features check a link to an article (in any state or locale) before they store it,
 * and tell whether a visitor following the link would find it.
 */
public interface KnownArticles {

    Mono<Boolean> exists(String city, String slug);

    /**
     * For each of the slugs that names an article of the city: whether visitors can read it at its
     * address (published in the default locale). Slugs of articles that do not exist are left out.
     */
    Mono<Map<String, Boolean>> readable(String city, Collection<String> slugs);
}
