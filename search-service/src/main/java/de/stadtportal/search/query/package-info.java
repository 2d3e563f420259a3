/**
 * Answers {@code GET /api/search} and {@code GET /api/search/suggest}. The user's text is folded
 * like the documents were and handed to PostgreSQL only through {@code websearch_to_tsquery} and
 * tsqueries PostgreSQL built itself, so nothing a user types can make a query fail.
 */
package de.stadtportal.search.query;
