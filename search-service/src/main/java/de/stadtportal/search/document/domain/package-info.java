/**
 * What a searchable document is and how German text is folded, in plain Java: the document and its
 * changes, the folding rules and the snippets are decided here once, and used alike by indexing,
 * the query side and the benchmark.
 */
package de.stadtportal.search.document.domain;
