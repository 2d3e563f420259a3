package de.stadtportal.portal.desk.api;

import java.util.List;

/**
 * The body of creating or changing one locale of an article, in the API's names
 * ({@code POST /api/cities/{city}/articles}, {@code PUT …/{slug}}).
 */
public record ArticleWrite(String title, String subtitle, String topic, String locale, String summary, String body,
        List<String> tags, DeskArticle.HeroImage heroImage, String slug) {
}
