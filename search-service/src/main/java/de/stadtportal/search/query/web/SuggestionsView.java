package de.stadtportal.search.query.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answer of {@code GET /api/search/suggest}: at most eight completions, titles first. */
@Schema(name = "Suggestions")
record SuggestionsView(List<String> suggestions) {
}
