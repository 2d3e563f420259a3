/**
 * The search and suggestion use cases: one statement for a page, its total and its facets, then
 * snippets cut for the returned page only, with the words PostgreSQL says match.
 */
package de.stadtportal.search.query.application;
