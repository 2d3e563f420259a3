package de.stadtportal.portal.desk.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The editor's calls to the events API: the coming starts of a city, one event with its ETag, and
 * the writes. An edit sends the ETag the editor read as {@code If-Match}; the lifecycle steps send it
 * when the editor had one (the API checks it when sent), so a step taken on a page that was out of
 * date is refused (412) rather than applied to a state nobody saw.
 */
@Component
public class DeskEventApi {

    private static final String EVENT = "/api/events/{id}";
    private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar");
    private static final ParameterizedTypeReference<DeskList<DeskOccurrence>> OCCURRENCES =
            new ParameterizedTypeReference<>() { };

    private final WebClient client;

    public DeskEventApi(DeskApi api) {
        this.client = api.client();
    }

    /** The city's starts from {@code from} to the day before {@code to}, soonest first; a page of at most 100. */
    public Mono<Answer<DeskList<DeskOccurrence>>> upcoming(String city, LocalDate from, LocalDate to, String cursor) {
        return DeskApi.answer(client.get().uri(builder -> {
            builder.path("/api/events").queryParam("city", "{city}").queryParam("from", from.toString())
                    .queryParam("to", to.toString()).queryParam("limit", "100");
            if (cursor != null && !cursor.isBlank()) {
                builder.queryParam("cursor", "{cursor}");
                return builder.build(city, cursor);
            }
            return builder.build(city);
        }), OCCURRENCES);
    }

    public Mono<Answer<DeskEvent>> event(String id) {
        return DeskApi.answer(client.get().uri(EVENT, id), DeskEvent.class);
    }

    public Mono<Answer<DeskEvent>> create(EventWrite event) {
        return DeskApi.answer(client.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(event), DeskEvent.class);
    }

    public Mono<Answer<DeskEvent>> change(String id, String etag, EventWrite event) {
        return DeskApi.answer(client.put().uri(EVENT, id).header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(event), DeskEvent.class);
    }

    /** A step without a body: {@code cancellation}, {@code postponement} or {@code sold-out}. */
    public Mono<Answer<DeskEvent>> step(String id, String step, String etag) {
        return DeskApi.answer(ifSent(client.post().uri(EVENT + "/" + step, id), etag)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()), DeskEvent.class);
    }

    /** Moves the event to a new start (and end; without one the API keeps its duration). */
    public Mono<Answer<DeskEvent>> reschedule(String id, String etag, OffsetDateTime start, OffsetDateTime end) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", start);
        if (end != null) {
            body.put("end", end);
        }
        return DeskApi.answer(ifSent(client.post().uri(EVENT + "/rescheduling", id), etag)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body), DeskEvent.class);
    }

    /**
     * Imports the iCalendar file {@code calendar}, streamed on as it arrives from the editor's browser,
     * as events at the venue, all or none; {@code category} for the entries that name none of the
     * platform's (may be blank). The API alone reads the file and decides what it can import.
     */
    public Mono<Answer<DeskImport>> importCalendar(String city, String venueId, String category,
            Flux<DataBuffer> calendar) {
        return DeskApi.answer(client.post().uri(builder -> {
            builder.path("/api/events/import").queryParam("city", "{city}").queryParam("venueId", "{venue}");
            if (category != null && !category.isBlank()) {
                builder.queryParam("category", "{category}");
                return builder.build(city, venueId, category);
            }
            return builder.build(city, venueId);
        }).contentType(CALENDAR).body(BodyInserters.fromDataBuffers(calendar)), DeskImport.class);
    }

    private static WebClient.RequestBodySpec ifSent(WebClient.RequestBodySpec request, String etag) {
        return etag == null || etag.isBlank() ? request : request.header("If-Match", etag);
    }
}
