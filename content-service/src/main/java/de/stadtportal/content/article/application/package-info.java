/**
 * The article use cases. {@code ArticleService} takes commands and queries with the caller, checks
 * locale, city, right and version in that order, and stores each change with its revision and its
 * outbox entries ({@code ArticleIntegrationEvents}) in one transaction; {@code ScheduledPublishingJob}
 * publishes drafts whose time has come. {@code KnownArticles} is what the highlight feature asks.
 */
package de.stadtportal.content.article.application;
