package de.stadtportal.search.query.domain;

import de.stadtportal.search.document.domain.GermanFolding;
import java.util.List;

/**
 * What was typed so far into the search box, and the cities to suggest from. Titles are completed
 * from the whole folded text, words from its last word; a completed word keeps what was typed
 * before it, so {@code Theater im St} suggests {@code Theater im Stadtpark}.
 *
 * @param typed the text as typed, null or blank for nothing
 */
public record SuggestionQuery(String typed, List<String> cities) {

    public SuggestionQuery {
        cities = List.copyOf(cities);
    }

    /** The same text, completed in these cities. */
    public SuggestionQuery in(List<String> cities) {
        return new SuggestionQuery(typed, cities);
    }

    /** The folded words typed; none means there is nothing to complete. */
    public List<String> words() {
        return GermanFolding.words(typed == null ? "" : typed);
    }

    /** The folded words as one key, for completing titles. */
    public String titleKey() {
        return String.join(" ", words());
    }

    /** The word being typed, for completing words. */
    public String lastWord() {
        List<String> words = words();
        return words.get(words.size() - 1);
    }

    /** Everything typed before the last word, up to its last space: kept in front of a completed word. */
    public String before() {
        String text = typed.strip();
        return text.contains(" ") ? text.substring(0, text.lastIndexOf(' ') + 1) : "";
    }
}
