/**
 * Topic articles: drafts, publishing now or at {@code publishAt}, revisions, translations.
 * <p>
 * {@code domain} decides ({@code Article} returns the events a change caused); {@code application}
 * stores each decision with its revision and outbox entries in one transaction
 * ({@code ArticleService}) and publishes due drafts ({@code ScheduledPublishingJob});
 * {@code persistence} holds the statements; {@code web} serves {@code /api/cities/{city}/articles}.
 */
package de.stadtportal.content.article;
