package de.stadtportal.content.article.application;

import de.stadtportal.content.article.domain.Article;
import de.stadtportal.content.article.domain.ArticleEvent;
import de.stadtportal.content.article.domain.Content;
import de.stadtportal.content.media.application.KnownMedia;
import de.stadtportal.contracts.ArticlePublished;
import de.stadtportal.contracts.ArticleSnapshot;
import de.stadtportal.contracts.ArticleWithdrawn;
import de.stadtportal.contracts.Image;
import de.stadtportal.contracts.IntegrationEvent;
import java.util.List;

/**
 * The article's own events as the contracts other services read on {@code content.articles.v1}. A
 * published article travels as a whole snapshot with the locales it is translated into, which the
 * aggregate alone does not know; a withdrawn one only by its address.
 */
final class ArticleIntegrationEvents {

    private ArticleIntegrationEvents() {
    }

    static IntegrationEvent of(ArticleEvent event, List<String> translations, KnownMedia media) {
        Article article = event.article();
        if (event instanceof ArticleEvent.Published) {
            return new ArticlePublished(article.id().toString(), article.version(), article.updatedAt(),
                    snapshot(article, translations, media));
        }
        return new ArticleWithdrawn(article.id().toString(), article.version(), article.updatedAt(), article.city(),
                article.slug());
    }

    /** The metric tag of the event: {@code published} or {@code withdrawn}. */
    static String type(ArticleEvent event) {
        return event instanceof ArticleEvent.Published ? "published" : "withdrawn";
    }

    /** A hero image from the media library travels as its smallest rendition's URL. */
    private static ArticleSnapshot snapshot(Article article, List<String> translations, KnownMedia media) {
        Content content = article.content();
        return new ArticleSnapshot(article.id().toString(), article.city(), article.slug(), article.locale(),
                content.topic(), content.title(), content.subtitle(), content.summary(), content.body(), content.tags(),
                content.heroImage() == null ? null : new Image(content.heroImage().url() != null
                        ? content.heroImage().url() : media.address(content.heroImage().mediaId()),
                        content.heroImage().alt()),
                article.publishedAt(), article.updatedAt(), translations);
    }
}
