package de.stadtportal.content.article.web;

import de.stadtportal.kernel.PortalTime;
import de.stadtportal.content.media.web.ImageView;
import de.stadtportal.content.article.domain.Article;
import de.stadtportal.content.article.domain.Content;
import de.stadtportal.content.article.domain.TranslatedArticle;
import de.stadtportal.content.article.domain.Image;
import de.stadtportal.content.media.domain.Media;
import de.stadtportal.content.media.web.MediaLinks;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;
import java.util.List;
import java.util.UUID;

/**
 * An article as the API serves it (SPEC §9). {@code locale} is the locale actually served, which
 * differs from the requested one when the read fell back; {@code bodyHtml} is rendered and
 * sanitized on every read, so a stricter sanitizer applies to old articles too.
 */
record ArticleView(UUID id, String city, String slug, String locale, String topic, String title, String subtitle,
        String summary, String body, String bodyHtml, List<String> tags, ImageView heroImage, String status,
        long version, OffsetDateTime publishAt, OffsetDateTime publishedAt, OffsetDateTime createdAt,
        OffsetDateTime updatedAt, List<String> translations) {

    /** The article with its hero image as {@code images} shows it (library items found beforehand). */
    static ArticleView of(TranslatedArticle found, Images images) {
        return of(found.article(), found.translations(), images);
    }

    static ArticleView of(Article article, List<String> translations, Images images) {
        Content content = article.content();
        return new ArticleView(article.id(), article.city(), article.slug(), article.locale(), content.topic(),
                content.title(), content.subtitle(), content.summary(), content.body(),
                SafeHtml.fromMarkdown(content.body()), content.tags(),
                content.heroImage() == null ? null : images.of(content.heroImage(), article.locale()),
                article.status().wire(), article.version(), PortalTime.local(article.publishAt()),
                PortalTime.local(article.publishedAt()), PortalTime.local(article.createdAt()), PortalTime.local(article.updatedAt()),
                translations);
    }

    /** How hero images are shown: the links of the library, with the items the answer names. */
    record Images(MediaLinks links, Map<UUID, Media> items) {

        ImageView of(Image image, String locale) {
            return links.image(image.url(), image.alt(), image.mediaId(), items, locale);
        }

        /** The library items the articles' hero images name, found at once. */
        static Mono<Images> of(MediaLinks links, Collection<TranslatedArticle> found) {
            return links.find(found.stream().map(TranslatedArticle::article).map(Article::content)
                            .map(Content::heroImage).filter(Objects::nonNull).map(Image::mediaId).toList())
                    .map(items -> new Images(links, items));
        }
    }
}
