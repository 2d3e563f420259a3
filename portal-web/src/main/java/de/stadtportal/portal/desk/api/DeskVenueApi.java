package de.stadtportal.portal.desk.api;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** The editor's calls to the venues API: a city's venues, one with its ETag, the writes and the deletion. */
@Component
public class DeskVenueApi {

    private static final ParameterizedTypeReference<DeskList<DeskVenue>> VENUES = new ParameterizedTypeReference<>() { };

    private final WebClient client;

    public DeskVenueApi(DeskApi api) {
        this.client = api.client();
    }

    /** The city's venues by name, the first 100 (a city has a few dozen). */
    public Mono<Answer<DeskList<DeskVenue>>> venues(String city) {
        return DeskApi.answer(client.get().uri(builder -> builder.path("/api/venues").queryParam("city", "{city}")
                .queryParam("limit", "100").build(city)), VENUES);
    }

    public Mono<Answer<DeskVenue>> venue(String id) {
        return DeskApi.answer(client.get().uri("/api/venues/{id}", id), DeskVenue.class);
    }

    public Mono<Answer<DeskVenue>> create(VenueWrite venue) {
        return DeskApi.answer(client.post().uri("/api/venues").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(venue), DeskVenue.class);
    }

    /** Deletes the venue if it is still at the version read under {@code etag}; the API refuses one with events (409). */
    public Mono<Answer<Void>> remove(String id, String etag) {
        return DeskApi.answer(client.delete().uri("/api/venues/{id}", id).header("If-Match", etag), Void.class);
    }

    public Mono<Answer<DeskVenue>> change(String id, String etag, VenueWrite venue) {
        return DeskApi.answer(client.put().uri("/api/venues/{id}", id).header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(venue), DeskVenue.class);
    }
}
