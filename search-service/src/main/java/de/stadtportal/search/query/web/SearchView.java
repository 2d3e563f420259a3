package de.stadtportal.search.query.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer of {@code GET /api/search}.
 *
 * @param totalIsEstimate true when there were too many matches to count: {@code total} and the
 *     facets are then estimated from a sample, and the hits are the best of a bounded set
 * @param next the cursor of the next page, null on the last
 */
@Schema(name = "SearchResponse")
record SearchView(long total, boolean totalIsEstimate, List<HitView> hits, FacetsView facets, String next) {
}
