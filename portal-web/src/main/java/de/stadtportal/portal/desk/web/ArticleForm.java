package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.ArticleWrite;
import de.stadtportal.portal.desk.api.DeskArticle;
import java.util.Arrays;
import java.util.List;

/**
 * The article editor's fields as the browser posts them: tags as one comma-separated line, the hero
 * image as an item of the city's library ({@code heroMediaId}, which brings its own alt text) or as
 * URL and alternative text, the ETag of the state the editor started from, and whether the
 * editor pressed "Vorschau" rather than "Speichern".
 */
record ArticleForm(String title, String subtitle, String topic, String summary, String body, String tags,
        String slug, String heroUrl, String heroAlt, String etag, String vorschau, String heroMediaId) {

    /** The fields the API may refuse that the form shows. */
    static final List<String> FIELDS = List.of("title", "subtitle", "topic", "summary", "body", "tags", "slug",
            "heroUrl", "heroAlt", "heroMediaId");

    static ArticleForm empty() {
        return new ArticleForm("", "", "leben", "", "", "", "", "", "", "", null, "");
    }

    static ArticleForm of(DeskArticle article, String etag) {
        DeskArticle.HeroImage hero = byUrl(article.heroImage());
        return new ArticleForm(article.title(), article.subtitle(), article.topic(), article.summary(), article.body(),
                String.join(", ", article.tags()), article.slug(), hero == null ? "" : hero.url(),
                hero == null ? "" : hero.alt(), etag, null, mediaId(article.heroImage()));
    }

    /** A translation starts from the German version's topic, slug and image, with empty texts. */
    static ArticleForm translationOf(DeskArticle original) {
        DeskArticle.HeroImage hero = byUrl(original.heroImage());
        return new ArticleForm("", "", original.topic(), "", "", String.join(", ", original.tags()), original.slug(),
                hero == null ? "" : hero.url(), hero == null ? "" : hero.alt(), "", null,
                mediaId(original.heroImage()));
    }

    ArticleWrite write(String locale) {
        List<String> tagList = tags == null ? List.of() : Arrays.stream(tags.split(",")).map(String::strip)
                .filter(tag -> !tag.isEmpty()).toList();
        DeskArticle.HeroImage hero = !blank(heroMediaId) ? new DeskArticle.HeroImage(null, null, heroMediaId.strip())
                : blank(heroUrl) ? null : new DeskArticle.HeroImage(heroUrl.strip(), heroAlt, null);
        return new ArticleWrite(title, empty(subtitle), topic, locale, empty(summary), body, tagList, hero,
                blank(slug) ? null : slug.strip());
    }

    /** The same fields with the ETag of a newer state, the editor's text kept. */
    ArticleForm withEtag(String newer) {
        return new ArticleForm(title, subtitle, topic, summary, body, tags, slug, heroUrl, heroAlt, newer, null,
                heroMediaId);
    }

    /** An image by URL; a library item's URL and alt text are the library's, not the editor's to keep. */
    private static DeskArticle.HeroImage byUrl(DeskArticle.HeroImage hero) {
        return hero == null || hero.mediaId() != null ? null : hero;
    }

    private static String mediaId(DeskArticle.HeroImage hero) {
        return hero == null || hero.mediaId() == null ? "" : hero.mediaId();
    }

    /** The editor asked to see the text rendered, not to save it. */
    boolean previewing() {
        return !blank(vorschau);
    }

    boolean editing() {
        return !blank(etag);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String empty(String value) {
        return blank(value) ? null : value;
    }
}
