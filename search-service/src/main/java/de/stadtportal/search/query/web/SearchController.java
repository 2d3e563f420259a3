package de.stadtportal.search.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import de.stadtportal.kernel.PortalTime;
import de.stadtportal.search.document.domain.DocumentType;
import de.stadtportal.search.query.application.SearchResult;
import de.stadtportal.search.query.application.SearchService;
import de.stadtportal.search.query.domain.SearchQuery;
import de.stadtportal.search.query.domain.SuggestionQuery;
import de.stadtportal.web.http.QueryTimes;
import de.stadtportal.web.paging.Cursor;
import de.stadtportal.web.paging.Limit;
import de.stadtportal.web.paging.Page;
import de.stadtportal.web.problem.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/search} and {@code GET /api/search/suggest}. Parameters are checked here and
 * every bad one is a 400 problem naming it; the text itself is never rejected for what it contains,
 * only for being longer than {@value #LONGEST_QUERY} characters. What passes becomes a
 * {@link SearchQuery} or a {@link SuggestionQuery}, and the answer becomes the views below.
 */
@RestController
@RequestMapping("/api/search")
@Tag(name = "Search", description = "Full-text search and suggestions")
class SearchController {

    static final int LONGEST_QUERY = 200;
    private static final int MOST_FILTER_VALUES = 20;
    private static final Pattern FILTER_VALUE = Pattern.compile("[a-z0-9_-]{1,120}");

    private final SearchService search;
    private final Timer searchTimer;
    private final Timer suggestTimer;

    SearchController(SearchService search, MeterRegistry meters) {
        this.search = search;
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
    Mono<SearchView> search(@RequestParam(required = false) String q,
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
        return search.search(query)
                .map(SearchController::view)
                .doFinally(signal -> sample.stop(searchTimer));
    }

    @Operation(summary = "Completions of what was typed so far, from what is searchable now")
    @ApiResponse(responseCode = "200", description = "At most eight suggestions")
    @GetMapping("/suggest")
    Mono<SuggestionsView> suggest(@RequestParam(required = false) String q,
            @RequestParam(required = false) String city) {
        requireShort(q);
        SuggestionQuery typed = new SuggestionQuery(q, List.of());
        if (typed.words().isEmpty()) {
            // nothing to complete, so the cities are not even read
            return Mono.just(new SuggestionsView(List.of()));
        }
        Timer.Sample sample = Timer.start();
        return search.suggest(typed.in(values("city", city)))
                .map(SuggestionsView::new)
                .doFinally(signal -> sample.stop(suggestTimer));
    }

    private static SearchView view(SearchResult result) {
        Page<HitView> hits = Page.of(result.hits(), HitView::of,
                hit -> new String[] {Double.toString(hit.document().score()), hit.document().type(),
                    hit.document().id()});
        return new SearchView(result.total(), result.estimated(), hits.items(), FacetsView.of(result.facets()),
                hits.next());
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
            return QueryTimes.parse(raw, endOfDay, PortalTime.ZONE);
        } catch (IllegalArgumentException invalid) {
            throw ApiProblem.invalidParameter(name, invalid.getMessage());
        }
    }

    /** The position after which a page starts; a cursor that names none is a 400 problem. */
    private static SearchQuery.Position position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        return Cursor.read(cursor, 3, values -> {
            double score = Double.parseDouble(values.get(0));
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("not a score");
            }
            return new SearchQuery.Position(score, values.get(1), values.get(2));
        });
    }
}
