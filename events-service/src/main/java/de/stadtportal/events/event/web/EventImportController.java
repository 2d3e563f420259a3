package de.stadtportal.events.event.web;

import de.stadtportal.events.event.application.EventImports;
import de.stadtportal.events.event.application.EventService;
import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/events/import}: a venue's programme as an iCalendar file, imported all or none. */
@RestController
@RequestMapping("/api/events")
@Tag(name = "Events")
class EventImportController {

    private final EventImports imports;
    private final EventService events;

    EventImportController(EventImports imports, EventService events) {
        this.imports = imports;
        this.events = events;
    }

    @Operation(summary = "Import the events of an iCalendar file at one venue; for editors of the city",
            description = "Every VEVENT becomes an event at the venue, all or none, as in POST /api/events/batch "
                    + "(but at most 500 VEVENTs, stadtportal.events.max-import, and 1 MB: a venue's season). A "
                    + "VEVENT whose UID was imported into the city before is left as it is and listed under "
                    + "unchanged, so importing the same calendar again makes only what is new in it. SUMMARY, "
                    + "DESCRIPTION, DTSTART, DTEND or DURATION, RRULE, EXDATE, URL and CATEGORIES are read; a time "
                    + "without a zone is a time in Europe/Berlin. RECURRENCE-ID, RDATE and cancelled VEVENTs are "
                    + "refused, each named by its item (events[i]).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = CalendarImport.MEDIA_TYPE, schema = @Schema(type = "string"),
                    examples = @ExampleObject(value = EventExamples.CALENDAR))))
    @Parameter(name = "city", description = "The city the events belong to", required = true)
    @Parameter(name = "venueId", description = "The venue of all the calendar's events", required = true)
    @Parameter(name = "category", description = "The category of a VEVENT none of whose CATEGORIES is one of the "
            + "platform's (GET /api/events/categories)")
    @Parameter(name = "language", description = "The events' language, two letters (default de)")
    @ApiResponse(responseCode = "201", description = "Events were made; the answer lists them and the unchanged")
    @ApiResponse(responseCode = "200", description = "Every VEVENT was imported before; nothing was made")
    @ApiResponse(responseCode = "409", description = "Another request recorded the same UIDs at the same time "
            + "(imports into one city take turns, so this is rare); nothing was imported")
    @ApiResponse(responseCode = "413", description = "The file is over 1 MB; nothing was imported")
    @ApiResponse(responseCode = "422", description = "The city or the venue cannot be used, or the calendar holds "
            + "more events than allowed; nothing was imported")
    @PostMapping(path = "/import", consumes = CalendarImport.MEDIA_TYPE)
    Mono<ResponseEntity<EventImportView>> importCalendar(@RequestParam(required = false) String city,
            @RequestParam(required = false) String venueId, @RequestParam(required = false) String category,
            @RequestParam(required = false) String language, ServerHttpRequest request) {
        if (city == null || city.isBlank()) {
            throw ApiProblem.invalidParameter("city", "is required: the city the events belong to");
        }
        UUID venue = venueId(venueId);
        return Callers.current()
                .flatMap(caller -> {
                    caller.requireEditorOf(city); // before the calendar is read: a stranger learns nothing of it
                    // an upload path: the body is counted as it arrives and cut off with 413 past its size
                    return DataBufferUtils.join(request.getBody())
                            .map(body -> text(body, request))
                            .defaultIfEmpty("")
                            .map(calendar -> CalendarImport.read(calendar, city, venue, category, language,
                                    events.categories()))
                            .flatMap(command -> imports.importAll(command, caller));
                })
                .map(done -> ResponseEntity.status(done.created().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED)
                        .body(new EventImportView(done.created().stream()
                                .map(made -> EventView.of(made, events.now())).toList(), done.unchanged())));
    }

    /** The file as text, in the charset its type names, else UTF-8 (RFC 5545's). */
    private static String text(DataBuffer body, ServerHttpRequest request) {
        MediaType type = request.getHeaders().getContentType();
        try {
            return body.toString(type == null || type.getCharset() == null ? StandardCharsets.UTF_8
                    : type.getCharset());
        } finally {
            DataBufferUtils.release(body);
        }
    }

    private static UUID venueId(String venueId) {
        if (venueId == null || venueId.isBlank()) {
            throw ApiProblem.invalidParameter("venueId", "is required: the venue of the calendar's events");
        }
        try {
            return UUID.fromString(venueId);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter("venueId", "must be a venue id (a UUID)");
        }
    }
}
