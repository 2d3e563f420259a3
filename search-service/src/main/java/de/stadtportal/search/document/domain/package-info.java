/**
 * What a searchable document is and how German text is folded, in plain Java: the mapping from
 * contract events to index changes and the folding rules are decided here once, and used alike by
 * the consumers, the query side and the benchmark.
 */
package de.stadtportal.search.document.domain;
