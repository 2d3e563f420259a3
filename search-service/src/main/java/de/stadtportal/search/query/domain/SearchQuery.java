package de.stadtportal.search.query.domain;

import de.stadtportal.search.document.domain.GermanFolding;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A search as the index runs it: the folded user text, the words to widen (typos, compounds,
 * prefixes), the words excluded with a leading minus, the filters and the page position.
 *
 * @param folded the folded text for {@code websearch_to_tsquery}, blank when browsing without text
 * @param after the cursor position, null for the first page
 */
public record SearchQuery(
        String folded,
        List<String> words,
        List<String> excluded,
        List<String> types,
        List<String> cities,
        List<String> topics,
        List<String> categories,
        OffsetDateTime from,
        OffsetDateTime to,
        int limit,
        Position after) {

    /** Most words of one query that are widened; beyond that the exact query alone decides. */
    static final int MOST_WIDENED_WORDS = 8;

    /** Where a page starts: after the hit with this score, type and id, in the list's order. */
    public record Position(double score, String type, String id) {
    }

    public boolean hasText() {
        return !folded.isBlank();
    }

    /** The whole folded query as a title key, for telling exact title matches. */
    public String titleKey() {
        return String.join(" ", words);
    }

    public static SearchQuery of(String text, List<String> types, List<String> cities, List<String> topics,
            List<String> categories, OffsetDateTime from, OffsetDateTime to, int limit, Position after) {
        String folded = text == null ? "" : GermanFolding.fold(text).strip();
        List<String> words = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (String token : folded.split("\\s+")) {
            boolean negated = token.startsWith("-");
            if (!negated && token.toLowerCase(Locale.ROOT).equals("or")) {
                continue;
            }
            for (String word : GermanFolding.words(token)) {
                List<String> target = negated ? excluded : words;
                if (!target.contains(word) && target.size() < MOST_WIDENED_WORDS) {
                    target.add(word);
                }
            }
        }
        return new SearchQuery(folded, List.copyOf(words), List.copyOf(excluded), types, cities, topics, categories,
                from, to, limit, after);
    }
}
