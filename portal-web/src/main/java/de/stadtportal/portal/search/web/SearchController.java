package de.stadtportal.portal.search.web;

import de.stadtportal.portal.PortalProperties;
import de.stadtportal.portal.api.City;
import de.stadtportal.portal.api.Items;
import de.stadtportal.portal.api.Lists;
import de.stadtportal.portal.api.Part;
import de.stadtportal.portal.api.PlatformApi;
import de.stadtportal.portal.api.SearchResult;
import de.stadtportal.portal.page.Caching;
import de.stadtportal.portal.page.Links;
import de.stadtportal.portal.page.PageMeta;
import de.stadtportal.portal.page.QueryLink;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** {@code /suche?q=…&stadt=…&typ=…&thema=…&kategorie=…&cursor=…}. */
@Controller
class SearchController {

    private static final int PAGE = 10;
    private static final List<String> FACETS = List.of("stadt", "typ", "thema", "kategorie");

    private final PlatformApi api;
    private final PortalProperties settings;
    private final Links links;

    SearchController(PlatformApi api, PortalProperties settings, Links links) {
        this.api = api;
        this.settings = settings;
        this.links = links;
    }

    /** One hit as the page shows it: the portal's link and the snippet already safe as HTML. */
    record ShownHit(SearchResult.Hit hit, String href, String snippetHtml) {
    }

    @GetMapping("/suche")
    Mono<Rendering> search(@RequestParam(required = false) String q,
            @RequestParam(name = "stadt", required = false) String city,
            @RequestParam(name = "typ", required = false) String type,
            @RequestParam(name = "thema", required = false) String topic,
            @RequestParam(name = "kategorie", required = false) String category,
            @RequestParam(required = false) String cursor) {
        String text = q == null ? "" : q.strip();
        Map<String, String> chosen = new HashMap<>();
        chosen.put("stadt", slug(city));
        chosen.put("typ", slug(type));
        chosen.put("thema", slug(topic));
        chosen.put("kategorie", slug(category));
        Map<String, Object> query = new HashMap<>();
        query.put("q", text);
        query.put("city", chosen.get("stadt"));
        query.put("type", chosen.get("typ"));
        query.put("topic", chosen.get("thema"));
        query.put("category", chosen.get("kategorie"));
        query.put("cursor", cursor != null && cursor.length() <= 500 ? cursor : null);
        query.put("limit", PAGE);
        Mono<Part<SearchResult>> found = text.isEmpty() ? Mono.just(new Part<>(SearchResult.none(), false))
                : Part.of("search", api.read("/api/search", query, SearchResult.class), SearchResult.none(),
                        settings.partTimeout());
        Mono<Part<List<City>>> cities = Part.of("cities", api.read("/api/cities", Map.of("limit", 100), Lists.CITIES)
                .map(Items::items), List.of(), settings.partTimeout());
        return Mono.zip(found, cities).map(read -> {
            SearchResult result = read.getT1().value();
            List<ShownHit> hits = result.hits().stream()
                    .map(hit -> new ShownHit(hit, links.of(hit.url(), hit.city()), Snippet.html(hit.snippet())))
                    .toList();
            String title = text.isEmpty() ? "Suche" : "Suche nach „" + text + "“";
            PageMeta meta = PageMeta.of(title, "Artikel, Veranstaltungen und Orte in den Städten des Ruhrgebiets finden.",
                    settings.base() + "/suche");
            return Rendering.view("search").modelAttribute("meta", meta).modelAttribute("q", text)
                    .modelAttribute("chosen", chosen).modelAttribute("result", result)
                    .modelAttribute("unavailable", read.getT1().unavailable()).modelAttribute("hits", hits)
                    .modelAttribute("cities", read.getT2().value())
                    .modelAttribute("next", result.next() == null ? null : link(text, chosen, "cursor", result.next()))
                    .modelAttribute("facetLinks", new FacetLinks(text, chosen))
                    .header(HttpHeaders.CACHE_CONTROL, Caching.of(Caching.SEARCH, read.getT1().unavailable()))
                    .build();
        });
    }

    /** Links that set or clear one facet and keep the rest ({@code facetLinks} in the template). */
    record FacetLinks(String q, Map<String, String> chosen) {

        public String with(String facet, String value) {
            return link(q, chosen, facet, value);
        }

        public String without(String facet) {
            return link(q, chosen, facet, null);
        }
    }

    static String link(String q, Map<String, String> chosen, String name, String value) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("q", q);
        for (String facet : FACETS) {
            parameters.put(facet, facet.equals(name) ? value : chosen.get(facet));
        }
        if ("cursor".equals(name)) {
            parameters.put("cursor", value);
        }
        return QueryLink.of("/suche", parameters);
    }

    private static String slug(String value) {
        return value != null && value.matches("[a-z0-9_-]{1,40}") ? value : null;
    }
}
