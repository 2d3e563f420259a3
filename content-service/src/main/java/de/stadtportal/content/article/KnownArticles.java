package de.stadtportal.content.article;

import reactor.core.publisher.Mono;

/** Lets other features check a link to an article (in any state or locale) before they store it. */
public interface KnownArticles {

    Mono<Boolean> exists(String city, String slug);
}
