/**
 * What a search is, in plain Java: the folded user text, the words to widen and to exclude, the
 * filters and the page position ({@code SearchQuery}), what was typed for suggestions, and what a
 * search found: documents, totals and facets.
 */
package de.stadtportal.search.query.domain;
