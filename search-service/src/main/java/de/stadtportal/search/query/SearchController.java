package de.stadtportal.search.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonInclude;
import de.stadtportal.search.document.domain.DocumentType;
import de.stadtportal.search.document.domain.GermanFolding;
import de.stadtportal.search.document.domain.Snippet;
import de.stadtportal.web.http.QueryTimes;
import de.stadtportal.web.paging.Cursor;
import de.stadtportal.web.paging.Limit;
import de.stadtportal.web.problem.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/search} and {@code GET /api/search/suggest}. Parameters are checked here and
 * every bad one is a 400 problem naming it; the text itself is never rejected for what it contains,
 * only for being longer than {@value #LONGEST_QUERY} characters.
 */
@RestController
@RequestMapping("/api/search")
@Tag(name = "Search", description = "Full-text search and suggestions")
class SearchController {

    static final int LONGEST_QUERY = 200;
    private static final int SNIPPET_WORDS = 24;
    private static final int MOST_SUGGESTIONS = 8;
    private static final int MOST_FILTER_VALUES = 20;
    private static final Pattern FILTER_VALUE = Pattern.compile("[a-z0-9_-]{1,120}");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final SearchQueries queries;
    private final Timer searchTimer;
    private final Timer suggestTimer;

    SearchController(SearchQueries queries, MeterRegistry meters) {
        this.queries = queries;
        this.searchTimer = Timer.builder("stadtportal.search.query").tag("endpoint", "search")
                .description("Time to answer a search").publishPercentileHistogram().register(meters);
        this.suggestTimer = Timer.builder("stadtportal.search.query").tag("endpoint", "suggest")
                .description("Time to answer a search").publishPercentileHistogram().register(meters);
    }

    @Operation(summary = "Search articles, events, venues and cities, best match first, with facets",
            description = "Filters (type, city, topic, category) take comma-separated lists; from and to take a"
                    + " date-time with offset or a date and limit events by their start.")
    @ApiResponse(responseCode = "200", description = "The hits of one page, the total and the facets")
    @GetMapping
    Mono<SearchResponse> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String city, @RequestParam(required = false) String type,
            @RequestParam(required = false) String topic, @RequestParam(required = false) String category,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        requireShort(q);
        List<String> types = values("type", type);
        for (String value : types) {
            if (DocumentType.ofWire(value).isEmpty()) {
                throw ApiProblem.invalidParameter("type", "must be a list of article, event, venue or city");
            }
        }
        OffsetDateTime start = time("from", from, false);
        OffsetDateTime end = time("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiProblem.invalidParameter("to", "must be after from");
        }
        int size = Limit.parse(limit);
        SearchQuery query = SearchQuery.of(q, types, values("city", city), values("topic", topic),
                values("category", category), start, end, size, position(cursor));
        Timer.Sample sample = Timer.start();
        return queries.search(query, size + 1)
                .flatMap(found -> answer(query, found))
                .doFinally(signal -> sample.stop(searchTimer));
    }

    @Operation(summary = "Completions of what was typed so far, from what is searchable now")
    @ApiResponse(responseCode = "200", description = "At most eight suggestions")
    @GetMapping("/suggest")
    Mono<Suggestions> suggest(@RequestParam(required = false) String q, @RequestParam(required = false) String city) {
        requireShort(q);
        List<String> words = GermanFolding.words(q == null ? "" : q);
        if (words.isEmpty()) {
            return Mono.just(new Suggestions(List.of()));
        }
        String lastWord = words.get(words.size() - 1);
        String typed = q.strip();
        String before = typed.contains(" ") ? typed.substring(0, typed.lastIndexOf(' ') + 1) : "";
        Timer.Sample sample = Timer.start();
        return queries.suggest(String.join(" ", words), lastWord, values("city", city), MOST_SUGGESTIONS)
                .map(found -> {
                    Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                    List<String> suggestions = new ArrayList<>();
                    for (int i = 0; i < found.size(); i++) {
                        String text = found.get(i);
                        String suggestion = GermanFolding.words(text).size() == 1 && words.size() > 1
                                ? before + text : text;
                        if (seen.add(suggestion) && suggestions.size() < MOST_SUGGESTIONS) {
                            suggestions.add(suggestion);
                        }
                    }
                    return new Suggestions(suggestions);
                })
                .doFinally(signal -> sample.stop(suggestTimer));
    }

    /** Snippets are cut for the returned page only; which words to mark is asked once per page. */
    private Mono<SearchResponse> answer(SearchQuery query, SearchQueries.Found found) {
        List<SearchQueries.FoundDocument> page = found.documents().subList(0,
                Math.min(query.limit(), found.documents().size()));
        String next = null;
        if (found.documents().size() > query.limit()) {
            SearchQueries.FoundDocument last = page.get(page.size() - 1);
            next = Cursor.encode(Double.toString(last.score()), last.type(), last.id());
        }
        Set<String> candidates = new LinkedHashSet<>();
        if (query.hasText()) {
            page.forEach(document -> {
                candidates.addAll(GermanFolding.vocabulary(document.summary()).keySet());
                candidates.addAll(GermanFolding.vocabulary(document.body()).keySet());
            });
        }
        String cursor = next;
        return queries.marked(candidates, found.tsquery()).map(marked -> {
            Set<String> matching = new TreeSet<>(marked);
            matching.removeAll(query.excluded());
            List<Hit> hits = page.stream().map(document -> hit(document, matching)).toList();
            SearchQueries.Facets facets = found.facets();
            return new SearchResponse(found.total(), found.estimated(), hits,
                    new FacetsResponse(facets.type(), facets.city(), facets.topic(), facets.category()), cursor);
        });
    }

    private static Hit hit(SearchQueries.FoundDocument document, Set<String> matching) {
        String source = !document.summary().isBlank() && (Snippet.matches(document.summary(), matching)
                || !Snippet.matches(document.body(), matching)) ? document.summary() : document.body();
        String startsAt = document.startsAt() == null ? null
                : document.startsAt().atZoneSameInstant(BERLIN).toOffsetDateTime()
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return new Hit(document.type(), document.id(), document.city(), document.title(),
                Snippet.of(source, matching, SNIPPET_WORDS), document.url(),
                Math.round(document.score() * 10_000) / 10_000.0, startsAt, document.status());
    }

    private static void requireShort(String q) {
        if (q != null && q.length() > LONGEST_QUERY) {
            throw ApiProblem.invalidParameter("q", "must be at most " + LONGEST_QUERY + " characters");
        }
    }

    private static List<String> values(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<String> values = Arrays.stream(raw.split(",")).map(String::strip).filter(value -> !value.isEmpty())
                .map(value -> value.toLowerCase(Locale.ROOT)).distinct().toList();
        if (values.size() > MOST_FILTER_VALUES || !values.stream().allMatch(v -> FILTER_VALUE.matcher(v).matches())) {
            throw ApiProblem.invalidParameter(name, "must be a comma-separated list of at most " + MOST_FILTER_VALUES
                    + " slugs");
        }
        return values;
    }

    /** An ISO-8601 time with offset, or a date meaning its start ({@code to}: its end) in Berlin. */
    private static OffsetDateTime time(String name, String raw, boolean endOfDay) {
        try {
            return QueryTimes.parse(raw, endOfDay, BERLIN);
        } catch (IllegalArgumentException invalid) {
            throw ApiProblem.invalidParameter(name, invalid.getMessage());
        }
    }

    private static SearchQuery.Position position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> values = Cursor.decode(cursor, 3);
        try {
            double score = Double.parseDouble(values.get(0));
            if (!Double.isFinite(score)) {
                throw ApiProblem.invalidParameter("cursor", "is not a cursor this list handed out");
            }
            return new SearchQuery.Position(score, values.get(1), values.get(2));
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter("cursor", "is not a cursor this list handed out");
        }
    }

    /**
     * @param totalIsEstimate true when there were too many matches to count: {@code total} and the
     *     facets are then estimated from a sample, and the hits are the best of a bounded set
     */
    record SearchResponse(long total, boolean totalIsEstimate, List<Hit> hits, FacetsResponse facets, String next) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Hit(String type, String id, String city, String title, String snippet, String url, double score,
            String startsAt, String status) {
    }

    record FacetsResponse(Map<String, Long> type, Map<String, Long> city, Map<String, Long> topic,
            Map<String, Long> category) {
    }

    record Suggestions(List<String> suggestions) {
    }
}
