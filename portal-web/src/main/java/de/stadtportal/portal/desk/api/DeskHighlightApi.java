package de.stadtportal.portal.desk.api;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A city's carousel through the API, with the editor's token. The API replaces it only as a whole
 * ({@code PUT}, {@code If-Match}), so the desk reads every stored teaser ({@code ?all=true}: the
 * expired and future ones too) and writes them all back with the one change the editor made; a
 * teaser outside its validity window is never dropped by a reorder.
 */
@Component
public class DeskHighlightApi {

    private static final String HIGHLIGHTS = "/api/cities/{city}/highlights";
    private static final ParameterizedTypeReference<DeskList<DeskHighlight>> LIST =
            new ParameterizedTypeReference<>() { };

    private final DeskApi api;

    public DeskHighlightApi(DeskApi api) {
        this.api = api;
    }

    /** Every stored teaser in order, and the ETag a replacement names. */
    public Mono<Answer<DeskList<DeskHighlight>>> highlights(String city) {
        return DeskApi.answer(api.client().get().uri(builder -> builder.path(HIGHLIGHTS).queryParam("all", "true")
                .build(city)), LIST);
    }

    /** Replaces the carousel with {@code items}, in this order, if it is still the one read under {@code etag}. */
    public Mono<Answer<DeskList<DeskHighlight>>> replace(String city, String etag, List<HighlightWrite> items) {
        return DeskApi.answer(api.client().put().uri(HIGHLIGHTS, city).header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("items", items)), LIST);
    }
}
