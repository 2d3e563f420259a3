package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.ArticleWrite;
import de.stadtportal.portal.desk.api.DeskArticle;
import java.util.Arrays;
import java.util.List;

/**
 * The article editor's fields as the browser posts them: tags as one comma-separated line, the hero
 * image as URL and alternative text, the ETag of the state the editor started from, and whether the
 * editor pressed "Vorschau" rather than "Speichern".
 */
record ArticleForm(String title, String subtitle, String topic, String summary, String body, String tags,
        String slug, String heroUrl, String heroAlt, String etag, String vorschau) {

    /** The fields the API may refuse that the form shows. */
    static final List<String> FIELDS = List.of("title", "subtitle", "topic", "summary", "body", "tags", "slug",
            "heroUrl", "heroAlt");

    static ArticleForm empty() {
        return new ArticleForm("", "", "leben", "", "", "", "", "", "", "", null);
    }

    static ArticleForm of(DeskArticle article, String etag) {
        DeskArticle.HeroImage hero = article.heroImage();
        return new ArticleForm(article.title(), article.subtitle(), article.topic(), article.summary(), article.body(),
                String.join(", ", article.tags()), article.slug(), hero == null ? "" : hero.url(),
                hero == null ? "" : hero.alt(), etag, null);
    }

    /** A translation starts from the German version's topic, slug and image, with empty texts. */
    static ArticleForm translationOf(DeskArticle original) {
        DeskArticle.HeroImage hero = original.heroImage();
        return new ArticleForm("", "", original.topic(), "", "", String.join(", ", original.tags()), original.slug(),
                hero == null ? "" : hero.url(), hero == null ? "" : hero.alt(), "", null);
    }

    ArticleWrite write(String locale) {
        List<String> tagList = tags == null ? List.of() : Arrays.stream(tags.split(",")).map(String::strip)
                .filter(tag -> !tag.isEmpty()).toList();
        DeskArticle.HeroImage hero = blank(heroUrl) ? null : new DeskArticle.HeroImage(heroUrl.strip(), heroAlt, null);
        return new ArticleWrite(title, empty(subtitle), topic, locale, empty(summary), body, tagList, hero,
                blank(slug) ? null : slug.strip());
    }

    /** The same fields with the ETag of a newer state, the editor's text kept. */
    ArticleForm withEtag(String newer) {
        return new ArticleForm(title, subtitle, topic, summary, body, tags, slug, heroUrl, heroAlt, newer, null);
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
