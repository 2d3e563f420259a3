/**
 * Topic articles: drafts, publishing now or at {@code publishAt}, revisions, translations.
 * <p>
 * The decisions live in {@code domain}; this package stores them ({@code ArticleStore}), puts the
 * events they caused into the outbox in the same transaction ({@code Articles}), publishes due
 * drafts ({@code ScheduledPublishing}) and serves the HTTP API ({@code ArticleController}).
 */
package de.stadtportal.content.article;
