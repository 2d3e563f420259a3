package de.stadtportal.events.event.web;

import de.stadtportal.events.event.application.CancelEvent;
import de.stadtportal.events.event.application.EventService;
import de.stadtportal.events.event.application.MarkEventSoldOut;
import de.stadtportal.events.event.application.PostponeEvent;
import de.stadtportal.events.event.application.RescheduleEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The lifecycle steps of {@code /api/events/{id}}: sub-resources that one POSTs to
 * ({@code cancellation}, {@code postponement}, {@code rescheduling}, {@code sold-out}); each makes a
 * new version and publishes it. They take {@code If-Match} when sent but do not require it: they are
 * commands, not edits of a representation.
 */
@RestController
@RequestMapping("/api/events")
@Tag(name = "Events", description = "Events, their occurrences, the iCalendar feed and the lifecycle steps")
class EventLifecycleController {

    private final EventService events;

    EventLifecycleController(EventService events) {
        this.events = events;
    }

    @Operation(summary = "Cancel an event", description = "Takes no body; If-Match is checked when sent.")
    @ApiResponse(responseCode = "200", description = "The cancelled event")
    @ApiResponse(responseCode = "409", description = "The event cannot be cancelled in its state")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @PostMapping("/{id}/cancellation")
    Mono<ResponseEntity<EventView>> cancel(@PathVariable String id, ServerHttpRequest request) {
        UUID eventId = EventController.eventId(id);
        return EventController.change(events, request, (caller, ifMatch) -> events.cancel(new CancelEvent(eventId, ifMatch), caller));
    }

    @Operation(summary = "Postpone an event to a date not yet known", description = "Takes no body; If-Match is"
            + " checked when sent.")
    @ApiResponse(responseCode = "200", description = "The postponed event")
    @ApiResponse(responseCode = "409", description = "The event cannot be postponed in its state")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @PostMapping("/{id}/postponement")
    Mono<ResponseEntity<EventView>> postpone(@PathVariable String id, ServerHttpRequest request) {
        UUID eventId = EventController.eventId(id);
        return EventController.change(events, request, (caller, ifMatch) -> events.postpone(new PostponeEvent(eventId, ifMatch), caller));
    }

    @Operation(summary = "Move an event to a new start and end", description = "If-Match is checked when sent.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = EventExamples.RESCHEDULING))))
    @ApiResponse(responseCode = "200", description = "The rescheduled event")
    @ApiResponse(responseCode = "409", description = "The event cannot be rescheduled in its state")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @ApiResponse(responseCode = "422", description = "The series would produce more starts than the service expands (recurrence.rrule)")
    @PostMapping("/{id}/rescheduling")
    Mono<ResponseEntity<EventView>> reschedule(@PathVariable String id, @RequestBody RescheduleRequest body,
            ServerHttpRequest request) {
        UUID eventId = EventController.eventId(id);
        return EventController.change(events, request, (caller, ifMatch) -> events.reschedule(
                new RescheduleEvent(eventId, body.start(), body.end(), ifMatch), caller));
    }

    @Operation(summary = "Mark an event as sold out", description = "Takes no body; If-Match is checked when sent.")
    @ApiResponse(responseCode = "200", description = "The sold-out event")
    @ApiResponse(responseCode = "409", description = "The event cannot be sold out in its state")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @PostMapping("/{id}/sold-out")
    Mono<ResponseEntity<EventView>> soldOut(@PathVariable String id, ServerHttpRequest request) {
        UUID eventId = EventController.eventId(id);
        return EventController.change(events, request, (caller, ifMatch) -> events.markSoldOut(new MarkEventSoldOut(eventId, ifMatch), caller));
    }
}
