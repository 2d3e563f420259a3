package de.stadtportal.content.article.application;

import de.stadtportal.content.article.domain.Content;
import java.time.Instant;

/**
 * Create a draft in {@code city}. {@code locale} (null: the fallback locale) and {@code slug} (null:
 * derived from the title) are as the editor sent them; {@code publishAt} schedules it.
 */
public record CreateArticle(String city, String locale, String slug, Content content, Instant publishAt) {
}
