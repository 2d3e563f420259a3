package de.stadtportal.search.query.application;

import de.stadtportal.kernel.paging.Slice;
import de.stadtportal.search.query.domain.Facets;

/**
 * The answer to a search: one page of hits, the total and the facets.
 *
 * @param estimated whether total and facets are estimated from a sample, because the text matches
 *     too many documents to count; the hits are then the best of a bounded candidate set
 */
public record SearchResult(long total, boolean estimated, Slice<SearchHit> hits, Facets facets) {
}
