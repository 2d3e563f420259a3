package de.stadtportal.search.query.domain;

import java.util.Map;

/**
 * Counts per value of each facet, most frequent first; each facet counts the matches with every
 * filter but its own, so filtering to events still shows how many articles match.
 */
public record Facets(Map<String, Long> type, Map<String, Long> city, Map<String, Long> topic,
        Map<String, Long> category) {
}
