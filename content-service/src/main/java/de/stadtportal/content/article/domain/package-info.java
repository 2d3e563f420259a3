/**
 * What an article is and which changes it allows, in plain Java. {@link de.stadtportal.content.article.domain.Article}
 * returns the events a change caused instead of publishing them, so the application layer can store
 * the row and its outbox entries in one transaction; a change its state does not allow is refused
 * with the kernel's {@code RuleBroken}.
 */
package de.stadtportal.content.article.domain;
