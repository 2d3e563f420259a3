package de.stadtportal.portal.api;

import java.util.List;
import java.util.Map;

/** {@code GET /api/search}: hits with snippets (matches in {@code <mark>}), facet counts, the next cursor. */
public record SearchResult(long total, boolean totalIsEstimate, List<Hit> hits, Facets facets, String next) {

    public static SearchResult none() {
        return new SearchResult(0, false, List.of(), new Facets(Map.of(), Map.of(), Map.of(), Map.of()), null);
    }

    public List<Hit> hits() {
        return hits == null ? List.of() : hits;
    }

    /** One hit; {@code url} is the API path of the thing found, {@code startsAt} and {@code status} for events. */
    public record Hit(String type, String id, String city, String title, String snippet, String url, double score,
            String startsAt, String status) {
    }

    /** Matches per value of each facet, most first. */
    public record Facets(Map<String, Long> type, Map<String, Long> city, Map<String, Long> topic,
            Map<String, Long> category) {
    }
}
