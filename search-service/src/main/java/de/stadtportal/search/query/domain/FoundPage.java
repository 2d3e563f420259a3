package de.stadtportal.search.query.domain;

import java.util.List;

/**
 * What one search statement found: the documents of a page, best first (one more than the page
 * holds when more follow), the total and the facets.
 *
 * @param estimated whether total and facets are estimated from the sample (more matches than are
 *     counted exactly); the documents are then the best of a bounded candidate set
 * @param tsquery the query as PostgreSQL built it, for marking snippets; null without text
 */
public record FoundPage(long total, boolean estimated, List<FoundDocument> documents, Facets facets,
        String tsquery) {
}
