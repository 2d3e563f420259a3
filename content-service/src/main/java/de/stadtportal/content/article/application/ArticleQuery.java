package de.stadtportal.content.article.application;

/** One article: its city, its slug and the locale asked for (null: the fallback locale). */
public record ArticleQuery(String city, String slug, String locale) {
}
