package de.stadtportal.search.query.application;

import de.stadtportal.kernel.paging.Slice;
import de.stadtportal.search.document.domain.GermanFolding;
import de.stadtportal.search.document.domain.Snippet;
import de.stadtportal.search.query.domain.FoundDocument;
import de.stadtportal.search.query.domain.FoundPage;
import de.stadtportal.search.query.domain.SearchQuery;
import de.stadtportal.search.query.domain.SuggestionQuery;
import de.stadtportal.search.query.persistence.SearchRepository;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Searches and suggestions. A search is one statement for the page, the total and the facets,
 * then one more for which words of the page's texts match, so that snippets are cut for the
 * returned page only and the words to mark are asked for once per page.
 */
@Service
public class SearchService {

    private static final int SNIPPET_WORDS = 24;
    private static final int MOST_SUGGESTIONS = 8;

    private final SearchRepository index;

    SearchService(SearchRepository index) {
        this.index = index;
    }

    /** One page of hits, best first, with their snippets, the total and the facets. */
    public Mono<SearchResult> search(SearchQuery query) {
        return index.search(query, Slice.rowsFor(query.limit())).flatMap(found -> withSnippets(query, found));
    }

    /** Titles, then words, completing what was typed; at most eight, none twice (ignoring case). */
    public Mono<List<String>> suggest(SuggestionQuery query) {
        List<String> words = query.words();
        if (words.isEmpty()) {
            return Mono.just(List.of());
        }
        String before = query.before();
        return index.suggest(query.titleKey(), query.lastWord(), query.cities(), MOST_SUGGESTIONS)
                .map(found -> {
                    Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                    List<String> suggestions = new ArrayList<>();
                    for (String text : found) {
                        String suggestion = GermanFolding.words(text).size() == 1 && words.size() > 1
                                ? before + text : text;
                        if (seen.add(suggestion) && suggestions.size() < MOST_SUGGESTIONS) {
                            suggestions.add(suggestion);
                        }
                    }
                    return suggestions;
                });
    }

    private Mono<SearchResult> withSnippets(SearchQuery query, FoundPage found) {
        Slice<FoundDocument> page = Slice.of(found.documents(), query.limit());
        Set<String> candidates = new LinkedHashSet<>();
        if (query.hasText()) {
            page.items().forEach(document -> {
                candidates.addAll(GermanFolding.vocabulary(document.summary()).keySet());
                candidates.addAll(GermanFolding.vocabulary(document.body()).keySet());
            });
        }
        return index.marked(candidates, found.tsquery()).map(marked -> {
            Set<String> matching = new TreeSet<>(marked);
            matching.removeAll(query.excluded());
            return new SearchResult(found.total(), found.estimated(), page.map(document -> hit(document, matching)),
                    found.facets());
        });
    }

    /** The snippet comes from the summary unless only the body holds a matching word. */
    private static SearchHit hit(FoundDocument document, Set<String> matching) {
        String source = !document.summary().isBlank() && (Snippet.matches(document.summary(), matching)
                || !Snippet.matches(document.body(), matching)) ? document.summary() : document.body();
        return new SearchHit(document, Snippet.of(source, matching, SNIPPET_WORDS));
    }
}
