package de.stadtportal.search.query.web;

import de.stadtportal.search.query.domain.Facets;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** Matches per value of each facet, most first; each facet counts with every filter but its own. */
@Schema(name = "FacetsResponse")
record FacetsView(Map<String, Long> type, Map<String, Long> city, Map<String, Long> topic,
        Map<String, Long> category) {

    static FacetsView of(Facets facets) {
        return new FacetsView(facets.type(), facets.city(), facets.topic(), facets.category());
    }
}
