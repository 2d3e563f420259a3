package de.stadtportal.events.venue.web;

import de.stadtportal.events.venue.application.CreateVenue;
import de.stadtportal.events.venue.application.RemoveVenue;
import de.stadtportal.events.venue.application.ReviseVenue;
import de.stadtportal.events.venue.application.VenueQuery;
import de.stadtportal.events.venue.application.VenueService;
import de.stadtportal.web.http.ETags;
import de.stadtportal.web.paging.Cursor;
import de.stadtportal.web.paging.Limit;
import de.stadtportal.web.paging.Page;
import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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

/** {@code /api/venues}: venues by name, one venue, and the editors' writes. */
@RestController
@RequestMapping("/api/venues")
@Tag(name = "Venues", description = "The places where events happen")
class VenueController {

    private final VenueService venues;

    VenueController(VenueService venues) {
        this.venues = venues;
    }

    @Operation(summary = "List venues by name, of one city or of all")
    @ApiResponse(responseCode = "200", description = "A page of venues")
    @GetMapping
    Mono<Page<VenueView>> list(@RequestParam(required = false) String city,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        int size = Limit.parse(limit);
        VenueQuery.After after = cursor == null ? null : Cursor.read(cursor, 2,
                position -> new VenueQuery.After(position.get(0), canonicalUuid(position.get(1))));
        return venues.list(new VenueQuery(city, after, size)).map(slice -> Page.of(slice, VenueView::of,
                venue -> new String[] {venue.details().name(), venue.id().toString()}));
    }

    @Operation(summary = "Read one venue")
    @ApiResponse(responseCode = "200", description = "The venue")
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @GetMapping("/{id}")
    Mono<ResponseEntity<VenueView>> one(@PathVariable String id, ServerHttpRequest request) {
        return venues.read(venueId(id)).map(venue -> {
            String etag = VenueService.etag(venue);
            if (ETags.notModified(request, etag)) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).<VenueView>build();
            }
            return ResponseEntity.ok().eTag(etag).body(VenueView.of(venue));
        });
    }

    @Operation(summary = "Create a venue in a city; for editors of the city",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = VenueExamples.VENUE))))
    @ApiResponse(responseCode = "201", description = "The new venue")
    @ApiResponse(responseCode = "422", description = "The city is not known to the events service")
    @PostMapping
    Mono<ResponseEntity<VenueView>> create(@RequestBody VenueRequest body) {
        return Callers.current().flatMap(caller -> venues.create(new CreateVenue(body.details()), caller))
                .map(venue -> ResponseEntity
                .created(URI.create("/api/venues/" + venue.id()))
                .eTag(VenueService.etag(venue))
                .body(VenueView.of(venue)));
    }

    @Operation(summary = "Change a venue", description = "Send If-Match with the ETag you read.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = VenueExamples.VENUE))))
    @ApiResponse(responseCode = "200", description = "The changed venue")
    @ApiResponse(responseCode = "409", description = "The venue has events and cannot move to another city")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @ApiResponse(responseCode = "422", description = "The city is not known to the events service")
    @ApiResponse(responseCode = "428", description = "If-Match is missing")
    @PutMapping("/{id}")
    Mono<ResponseEntity<VenueView>> update(@PathVariable String id, @RequestBody VenueRequest body,
            ServerHttpRequest request) {
        UUID venueId = venueId(id);
        return Callers.current()
                .flatMap(caller -> venues.revise(new ReviseVenue(venueId, body.details(), ETags.ifMatch(request)), caller))
                .map(venue -> ResponseEntity.ok().eTag(VenueService.etag(venue)).body(VenueView.of(venue)));
    }

    @Operation(summary = "Delete a venue that has no events", description = "If-Match is checked when sent.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "409", description = "The venue still has events")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerHttpRequest request) {
        UUID venueId = venueId(id);
        return Callers.current()
                .flatMap(caller -> venues.remove(new RemoveVenue(venueId, ETags.ifMatch(request)), caller))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private static UUID venueId(String id) {
        try {
            return canonicalUuid(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("No venue " + id);
        }
    }

    /** An id as this service hands it out; any other spelling is not one of its ids. */
    private static UUID canonicalUuid(String value) {
        UUID parsed = UUID.fromString(value);
        if (!parsed.toString().equalsIgnoreCase(value)) {
            throw new IllegalArgumentException("not an id this service hands out");
        }
        return parsed;
    }
}
