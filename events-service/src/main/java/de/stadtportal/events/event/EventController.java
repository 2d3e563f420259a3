package de.stadtportal.events.event;

import de.stadtportal.events.event.EventRepository.Stored;
import de.stadtportal.events.event.domain.Event;
import de.stadtportal.web.WebProperties;
import de.stadtportal.web.http.ETags;
import de.stadtportal.web.paging.Page;
import de.stadtportal.web.problem.ApiProblem;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/events}: occurrences in a window, one event as JSON, JSON-LD or iCalendar, the feed,
 * the categories, and the editor's writes. Lifecycle steps are sub-resources that one POSTs to
 * ({@code cancellation}, {@code postponement}, {@code rescheduling}, {@code sold-out}); each makes a
 * new version and publishes it.
 */
@RestController
@RequestMapping("/api/events")
class EventController {

    private static final MediaType LD_JSON = MediaType.parseMediaType(JsonLd.MEDIA_TYPE);
    private static final MediaType CALENDAR = MediaType.parseMediaType(ICalendar.MEDIA_TYPE);

    /** Calendar apps poll subscriptions; the feed is the largest public read, so caches keep it a while. */
    private static final CacheControl FEED_CACHING = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final EventService events;
    private final EventsProperties settings;
    private final WebProperties web;

    EventController(EventService events, EventsProperties settings, WebProperties web) {
        this.events = events;
        this.settings = settings;
        this.web = web;
    }

    @GetMapping
    Mono<Page<OccurrenceView>> occurrences(ServerHttpRequest request) {
        return Mono.fromCallable(() -> OccurrenceQuery.parse(request.getQueryParams(), settings, events.now()))
                .flatMap(events::occurrences);
    }

    record Category(String id, String label) {
    }

    @GetMapping("/categories")
    Page<Category> categories() {
        return new Page<>(settings.categories().entrySet().stream()
                .map(entry -> new Category(entry.getKey(), entry.getValue())).toList(), null);
    }

    @GetMapping("/feed.ics")
    Mono<ResponseEntity<String>> feed(@RequestParam(required = false) String city,
            @RequestParam(required = false) String category, ServerHttpRequest request) {
        if (category != null && !settings.categories().containsKey(category)) {
            throw ApiProblem.invalidParameter("category", "must be one of "
                    + String.join(", ", settings.categories().keySet()));
        }
        return events.feed(city, category).map(found -> {
            String body = ICalendar.of(found, baseUrl());
            String etag = ETags.ofContent("feed", body);
            if (ETags.notModified(request, etag)) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(FEED_CACHING).<String>build();
            }
            return ResponseEntity.ok().contentType(CALENDAR).eTag(etag).cacheControl(FEED_CACHING).body(body);
        });
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<Object>> one(@PathVariable String id, ServerHttpRequest request) {
        String representation = representation(request);
        return events.find(eventId(id)).map(stored -> {
            String etag = EventService.etag(stored.event(), representation);
            if (ETags.notModified(request, etag)) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).varyBy(HttpHeaders.ACCEPT).build();
            }
            ResponseEntity.BodyBuilder ok = ResponseEntity.ok().eTag(etag).varyBy(HttpHeaders.ACCEPT);
            return switch (representation) {
                case "ld" -> ok.contentType(LD_JSON).body(JsonLd.of(stored, baseUrl()));
                case "ics" -> ok.contentType(CALENDAR).body(ICalendar.of(List.of(stored), baseUrl()));
                default -> ok.contentType(MediaType.APPLICATION_JSON).body(EventView.of(stored, events.now()));
            };
        });
    }

    @PostMapping
    Mono<ResponseEntity<EventView>> create(@RequestBody EventRequest body) {
        return events.create(body.details()).map(stored -> ResponseEntity
                .created(URI.create("/api/events/" + stored.event().id()))
                .eTag(EventService.etag(stored.event(), "json"))
                .body(EventView.of(stored, events.now())));
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<EventView>> update(@PathVariable String id, @RequestBody EventRequest body,
            ServerHttpRequest request) {
        return events.update(eventId(id), body.details(), request).map(this::answer);
    }

    @PostMapping("/{id}/cancellation")
    Mono<ResponseEntity<EventView>> cancel(@PathVariable String id, ServerHttpRequest request) {
        return events.change(eventId(id), request, event -> event.cancel(events.now())).map(this::answer);
    }

    @PostMapping("/{id}/postponement")
    Mono<ResponseEntity<EventView>> postpone(@PathVariable String id, ServerHttpRequest request) {
        return events.change(eventId(id), request, event -> event.postpone(events.now())).map(this::answer);
    }

    @PostMapping("/{id}/rescheduling")
    Mono<ResponseEntity<EventView>> reschedule(@PathVariable String id, @RequestBody Rescheduling body,
            ServerHttpRequest request) {
        return events.change(eventId(id), request, event -> event.reschedule(body.start(), body.end(), events.now()))
                .map(this::answer);
    }

    @PostMapping("/{id}/sold-out")
    Mono<ResponseEntity<EventView>> soldOut(@PathVariable String id, ServerHttpRequest request) {
        return events.change(eventId(id), request, event -> event.soldOut(events.now())).map(this::answer);
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerHttpRequest request) {
        return events.delete(eventId(id), request).thenReturn(ResponseEntity.noContent().build());
    }

    private ResponseEntity<EventView> answer(Stored stored) {
        Event event = stored.event();
        return ResponseEntity.ok().eTag(EventService.etag(event, "json")).body(EventView.of(stored, events.now()));
    }

    /** JSON unless the client prefers JSON-LD or iCalendar. */
    private static String representation(ServerHttpRequest request) {
        List<MediaType> accepted = new ArrayList<>(request.getHeaders().getAccept());
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.isWildcardType() || type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)
                    || (type.getType().equals("application") && type.isWildcardSubtype())) {
                return "json";
            }
            if (type.equalsTypeAndSubtype(LD_JSON)) {
                return "ld";
            }
            if (type.equalsTypeAndSubtype(CALENDAR)) {
                return "ics";
            }
        }
        return "json";
    }

    /** Links point to where clients reach the platform, not to the host this request reached. */
    private String baseUrl() {
        return web.link("");
    }

    private static UUID eventId(String id) {
        try {
            UUID parsed = UUID.fromString(id);
            if (parsed.toString().equalsIgnoreCase(id)) {
                return parsed;
            }
        } catch (IllegalArgumentException ignored) {
            // not an id this service hands out
        }
        throw ApiProblem.notFound("No event " + id);
    }
}
