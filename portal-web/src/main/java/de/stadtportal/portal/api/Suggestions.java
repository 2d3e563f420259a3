package de.stadtportal.portal.api;

import java.util.List;

/** {@code GET /api/search/suggest?q=&city=}: completions of what was typed so far, at most eight. */
public record Suggestions(List<String> suggestions) {

    public static final Suggestions NONE = new Suggestions(List.of());

    public List<String> suggestions() {
        return suggestions == null ? List.of() : suggestions;
    }
}
