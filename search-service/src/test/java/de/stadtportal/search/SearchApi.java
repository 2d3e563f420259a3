package de.stadtportal.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Calls the search endpoints the way an app does and reads the answers into records. */
final class SearchApi {

    private final WebTestClient web;

    SearchApi(WebTestClient web) {
        this.web = web;
    }

    /** Parameters as name, value pairs; every value is URL-encoded as it is. */
    Result search(String... parameters) {
        return exchange("/api/search", parameters).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(Result.class).returnResult().getResponseBody();
    }

    List<String> suggest(String... parameters) {
        return exchange("/api/search/suggest", parameters).expectStatus().isOk()
                .expectBody(Suggestions.class).returnResult().getResponseBody().suggestions();
    }

    WebTestClient.ResponseSpec exchange(String path, String... parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            values.put(parameters[i], parameters[i + 1]);
        }
        String template = path + (values.isEmpty() ? "" : "?" + values.keySet().stream()
                .map(name -> name + "={" + name + "}").collect(Collectors.joining("&")));
        return web.get().uri(template, values).exchange();
    }

    record Result(long total, boolean totalIsEstimate, List<Hit> hits, Facets facets, String next) {

        List<String> ids() {
            return hits.stream().map(Hit::id).toList();
        }

        List<String> titles() {
            return hits.stream().map(Hit::title).toList();
        }
    }

    record Hit(String type, String id, String city, String title, String snippet, String url, double score,
            String startsAt, String status) {
    }

    record Facets(Map<String, Long> type, Map<String, Long> city, Map<String, Long> topic,
            Map<String, Long> category) {
    }

    record Suggestions(List<String> suggestions) {
    }
}
