/**
 * The {@code article} and {@code article_revision} tables, as named statements: one text block per
 * question, optional filters as null-tolerant predicates, nothing assembled at run time.
 */
package de.stadtportal.content.article.persistence;
