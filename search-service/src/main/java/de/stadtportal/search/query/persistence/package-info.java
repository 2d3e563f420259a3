/**
 * The search statements, read together because they share the tables, the indexes and the
 * benchmark: a page with total and facets, the words to mark, the suggestions. The user's text
 * reaches PostgreSQL only through {@code websearch_to_tsquery} and tsqueries PostgreSQL built
 * itself, so nothing a user types can make a query fail.
 */
package de.stadtportal.search.query.persistence;
