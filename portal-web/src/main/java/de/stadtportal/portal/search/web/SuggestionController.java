package de.stadtportal.portal.search.web;

import de.stadtportal.portal.PortalProperties;
import de.stadtportal.portal.api.Part;
import de.stadtportal.portal.api.PlatformApi;
import de.stadtportal.portal.api.Suggestions;
import de.stadtportal.portal.page.Caching;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /suche/vorschlaege?q=&stadt=}: the search service's completions for the search fields'
 * script, from the portal's own origin, so the suggestions work wherever the portal is served and
 * each visitor's typing counts against its own rate limit (see {@code api.VisitorAddress}). No
 * suggestions is an answer too: the field keeps working as a plain search form.
 */
@RestController
class SuggestionController {

    private static final int LONGEST = 100;

    private final PlatformApi api;
    private final PortalProperties settings;

    SuggestionController(PlatformApi api, PortalProperties settings) {
        this.api = api;
        this.settings = settings;
    }

    @GetMapping(value = "/suche/vorschlaege", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Suggestions>> suggest(@RequestParam(required = false) String q,
            @RequestParam(name = "stadt", required = false) String city) {
        String typed = q == null ? "" : q.strip();
        if (typed.isEmpty() || typed.length() > LONGEST) {
            return Mono.just(answer(new Part<>(Suggestions.NONE, false)));
        }
        Map<String, Object> query = new HashMap<>();
        query.put("q", typed);
        query.put("city", city != null && city.matches("[a-z0-9-]{1,40}") ? city : null);
        return Part.of("suggestions", api.read("/api/search/suggest", query, Suggestions.class), Suggestions.NONE,
                settings.partTimeout()).map(SuggestionController::answer);
    }

    private static ResponseEntity<Suggestions> answer(Part<Suggestions> read) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, Caching.of(Caching.SEARCH, read.unavailable()))
                .body(read.value());
    }
}
