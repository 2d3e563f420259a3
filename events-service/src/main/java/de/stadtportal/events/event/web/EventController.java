package de.stadtportal.events.event.web;

import de.stadtportal.events.EventsProperties;
import de.stadtportal.events.event.application.CreateEvent;
import de.stadtportal.events.event.application.DeleteEvent;
import de.stadtportal.events.event.application.EventService;
import de.stadtportal.events.event.application.FeedQuery;
import de.stadtportal.events.event.application.OccurrenceService;
import de.stadtportal.events.event.application.ReviseEvent;
import de.stadtportal.events.event.domain.EventAtVenue;
import de.stadtportal.kernel.Caller;
import de.stadtportal.kernel.version.EntityTags;
import de.stadtportal.kernel.version.IfMatch;
import de.stadtportal.web.WebProperties;
import de.stadtportal.web.http.ETags;
import de.stadtportal.web.paging.Page;
import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
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
 * the categories, and the editor's writes; the lifecycle steps are {@link EventLifecycleController}'s.
 */
@RestController
@RequestMapping("/api/events")
@Tag(name = "Events", description = "Events, their occurrences, the iCalendar feed and the lifecycle steps")
class EventController {

    private static final MediaType LD_JSON = MediaType.parseMediaType(JsonLd.MEDIA_TYPE);
    private static final MediaType CALENDAR = MediaType.parseMediaType(ICalendar.MEDIA_TYPE);

    /** Calendar apps poll subscriptions; the feed is the largest public read, so caches keep it a while. */
    private static final CacheControl FEED_CACHING = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final EventService events;
    private final OccurrenceService occurrences;
    private final EventsProperties settings;
    private final WebProperties web;

    EventController(EventService events, OccurrenceService occurrences, EventsProperties settings, WebProperties web) {
        this.events = events;
        this.occurrences = occurrences;
        this.settings = settings;
        this.web = web;
    }

    @Operation(summary = "Occurrences of events in a time window, soonest first",
            description = "Without from and to: the coming weeks. Every bad parameter is named in one 400.")
    @Parameter(name = "city", in = ParameterIn.QUERY, description = "A city slug", schema = @Schema(type = "string"))
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "Start: an ISO-8601 date-time with offset, or a date (midnight in Berlin)", schema = @Schema(type = "string"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "End: a date-time with offset or a date (its end); at most the configured window after from", schema = @Schema(type = "string"))
    @Parameter(name = "category", in = ParameterIn.QUERY, description = "A category id (GET /api/events/categories)", schema = @Schema(type = "string"))
    @Parameter(name = "venue", in = ParameterIn.QUERY, description = "A venue id", schema = @Schema(type = "string"))
    @Parameter(name = "near", in = ParameterIn.QUERY, description = "LAT,LON: only occurrences near this point", schema = @Schema(type = "string"))
    @Parameter(name = "radiusKm", in = ParameterIn.QUERY, description = "Kilometres around near (needs near)", schema = @Schema(type = "string"))
    @Parameter(name = "free", in = ParameterIn.QUERY, description = "true or false: only free (or paid) events", schema = @Schema(type = "string"))
    @Parameter(name = "accessible", in = ParameterIn.QUERY, description = "true: only wheelchair-accessible venues", schema = @Schema(type = "string"))
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Page size, 1 to 100 (default 20)", schema = @Schema(type = "string"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "The next cursor of the previous page", schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "A page of occurrences")
    @GetMapping
    Mono<Page<OccurrenceView>> occurrences(ServerHttpRequest request) {
        return Mono.fromCallable(() -> OccurrenceParameters.parse(request.getQueryParams(), settings, events.now()))
                .flatMap(occurrences::find)
                .map(slice -> Page.of(slice, OccurrenceView::of, found -> OccurrenceView.of(found).position()));
    }

    record Category(String id, String label) {
    }

    @Operation(summary = "The categories editors may choose, in the order apps show them")
    @ApiResponse(responseCode = "200", description = "All categories (one page)")
    @GetMapping("/categories")
    Page<Category> categories() {
        return new Page<>(settings.categories().entrySet().stream()
                .map(entry -> new Category(entry.getKey(), entry.getValue())).toList(), null);
    }

    @Operation(summary = "The coming events as an iCalendar feed, for calendar apps to subscribe to")
    @ApiResponse(responseCode = "200", description = "An iCalendar (RFC 5545) document",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    @GetMapping("/feed.ics")
    Mono<ResponseEntity<String>> feed(@RequestParam(required = false) String city,
            @RequestParam(required = false) String category, ServerHttpRequest request) {
        if (category != null && !settings.categories().containsKey(category)) {
            throw ApiProblem.invalidParameter("category", "must be one of "
                    + String.join(", ", settings.categories().keySet()));
        }
        return events.feed(new FeedQuery(city, category)).map(found -> {
            String body = ICalendar.of(found, baseUrl());
            String etag = EntityTags.ofContent("feed", body);
            if (ETags.notModified(request, etag)) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(FEED_CACHING).<String>build();
            }
            return ResponseEntity.ok().contentType(CALENDAR).eTag(etag).cacheControl(FEED_CACHING).body(body);
        });
    }

    @Operation(summary = "Read one event as JSON, JSON-LD (schema.org Event) or iCalendar, as Accept asks")
    @ApiResponse(responseCode = "200", description = "The event in the representation asked for", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = EventView.class)),
            @Content(mediaType = "application/ld+json", schema = @Schema(type = "object",
                    additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                    description = "A schema.org Event in JSON-LD")),
            @Content(mediaType = "text/calendar", schema = @Schema(type = "string",
                    description = "An iCalendar document with this event"))})
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @GetMapping("/{id}")
    Mono<ResponseEntity<Object>> one(@PathVariable String id, ServerHttpRequest request) {
        String representation = representation(request);
        return events.read(eventId(id)).map(stored -> {
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

    @Operation(summary = "Create an event at a venue of its city; for editors of the city",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = EventExamples.EVENT))))
    @ApiResponse(responseCode = "201", description = "The new event")
    @ApiResponse(responseCode = "409", description = "The event breaks a rule of its lifecycle")
    @ApiResponse(responseCode = "422", description = "The city, the venue or the recurrence rule cannot be used")
    @PostMapping
    Mono<ResponseEntity<EventView>> create(@RequestBody EventRequest body) {
        return Callers.current().flatMap(caller -> events.create(new CreateEvent(body.details()), caller))
                .map(stored -> ResponseEntity
                .created(URI.create("/api/events/" + stored.event().id()))
                .eTag(EventService.etag(stored.event(), "json"))
                .body(EventView.of(stored, events.now())));
    }

    @Operation(summary = "Create several events in one request; for editors of their cities",
            description = "All are created, or none. Every item is checked first; a refusal names the item at "
                    + "fault (events[i]), and the invalid fields of all items come in one 400. At most 100 "
                    + "events (stadtportal.events.max-batch) and 256 KB. For importers of a programme: one "
                    + "request costs a fraction of one request per event.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = EventExamples.BATCH))))
    @ApiResponse(responseCode = "201", description = "The new events, in the order sent")
    @ApiResponse(responseCode = "409", description = "An event breaks a rule of its lifecycle; none was created")
    @ApiResponse(responseCode = "422", description = "A city, a venue or a recurrence rule cannot be used, or the "
            + "request holds more events than allowed; none was created")
    @PostMapping("/batch")
    Mono<ResponseEntity<EventBatchView>> createAll(@RequestBody EventBatchRequest body) {
        return Callers.current().flatMap(caller -> events.createAll(body.command(), caller))
                .map(stored -> ResponseEntity.status(HttpStatus.CREATED).body(new EventBatchView(
                        stored.stream().map(event -> EventView.of(event, events.now())).toList())));
    }

    @Operation(summary = "Change an event", description = "Send If-Match with the ETag you read.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = EventExamples.EVENT))))
    @ApiResponse(responseCode = "200", description = "The changed event")
    @ApiResponse(responseCode = "409", description = "The change breaks a rule of the event's lifecycle")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @ApiResponse(responseCode = "422", description = "The city, the venue or the recurrence rule cannot be used")
    @ApiResponse(responseCode = "428", description = "If-Match is missing")
    @PutMapping("/{id}")
    Mono<ResponseEntity<EventView>> update(@PathVariable String id, @RequestBody EventRequest body,
            ServerHttpRequest request) {
        UUID eventId = eventId(id);
        return change(events, request, (caller, ifMatch) -> events.revise(new ReviseEvent(eventId, body.details(), ifMatch), caller));
    }

    @Operation(summary = "Delete an event", description = "If-Match is checked when sent.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerHttpRequest request) {
        UUID eventId = eventId(id);
        return Callers.current()
                .flatMap(caller -> events.delete(new DeleteEvent(eventId, ETags.ifMatch(request)), caller))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** A change by the caller with the request's {@code If-Match}, answered with the new version. */
    static Mono<ResponseEntity<EventView>> change(EventService events, ServerHttpRequest request,
            BiFunction<Caller, IfMatch, Mono<EventAtVenue>> change) {
        return Callers.current().flatMap(caller -> change.apply(caller, ETags.ifMatch(request)))
                .map(stored -> ResponseEntity.ok().eTag(EventService.etag(stored.event(), "json"))
                        .body(EventView.of(stored, events.now())));
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

    /** The id of an event as this service hands it out; any other spelling is no event (404). */
    static UUID eventId(String id) {
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
