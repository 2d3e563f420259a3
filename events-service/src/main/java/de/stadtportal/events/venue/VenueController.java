package de.stadtportal.events.venue;

import de.stadtportal.events.ApiExamples;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import de.stadtportal.events.venue.domain.Venue;
import de.stadtportal.web.http.ETags;
import de.stadtportal.web.paging.Cursor;
import de.stadtportal.web.paging.Limit;
import de.stadtportal.web.paging.Page;
import de.stadtportal.web.problem.ApiProblem;
import java.net.URI;
import java.util.List;
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
        List<String> after = cursor == null ? null : Cursor.decode(cursor, 2);
        UUID afterId = after == null ? null : uuid(after.get(1), () -> ApiProblem.invalidParameter("cursor",
                "is not a cursor this list handed out"));
        return venues.list(city, after == null ? null : after.get(0), afterId, size + 1).map(found -> {
            List<Venue> page = found.size() > size ? found.subList(0, size) : found;
            String next = found.size() > size
                    ? Cursor.encode(page.get(size - 1).details().name(), page.get(size - 1).id().toString()) : null;
            return new Page<>(page.stream().map(VenueView::of).toList(), next);
        });
    }

    @Operation(summary = "Read one venue")
    @ApiResponse(responseCode = "200", description = "The venue")
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @GetMapping("/{id}")
    Mono<ResponseEntity<VenueView>> one(@PathVariable String id, ServerHttpRequest request) {
        return venues.find(venueId(id)).map(venue -> {
            String etag = VenueService.etag(venue);
            if (ETags.notModified(request, etag)) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).<VenueView>build();
            }
            return ResponseEntity.ok().eTag(etag).body(VenueView.of(venue));
        });
    }

    @Operation(summary = "Create a venue in a city; for editors of the city",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = ApiExamples.VENUE))))
    @ApiResponse(responseCode = "201", description = "The new venue")
    @ApiResponse(responseCode = "422", description = "The city is not known to the events service")
    @PostMapping
    Mono<ResponseEntity<VenueView>> create(@RequestBody VenueRequest body) {
        return venues.create(body.details()).map(venue -> ResponseEntity
                .created(URI.create("/api/venues/" + venue.id()))
                .eTag(VenueService.etag(venue))
                .body(VenueView.of(venue)));
    }

    @Operation(summary = "Change a venue", description = "Send If-Match with the ETag you read.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = ApiExamples.VENUE))))
    @ApiResponse(responseCode = "200", description = "The changed venue")
    @ApiResponse(responseCode = "409", description = "The venue has events and cannot move to another city")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @ApiResponse(responseCode = "422", description = "The city is not known to the events service")
    @ApiResponse(responseCode = "428", description = "If-Match is missing")
    @PutMapping("/{id}")
    Mono<ResponseEntity<VenueView>> update(@PathVariable String id, @RequestBody VenueRequest body,
            ServerHttpRequest request) {
        return venues.update(venueId(id), body.details(), request)
                .map(venue -> ResponseEntity.ok().eTag(VenueService.etag(venue)).body(VenueView.of(venue)));
    }

    @Operation(summary = "Delete a venue that has no events", description = "If-Match is checked when sent.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "409", description = "The venue still has events")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerHttpRequest request) {
        return venues.delete(venueId(id), request).thenReturn(ResponseEntity.noContent().build());
    }

    private static UUID venueId(String id) {
        return uuid(id, () -> ApiProblem.notFound("No venue " + id));
    }

    static UUID uuid(String value, java.util.function.Supplier<ApiProblem> otherwise) {
        try {
            UUID parsed = UUID.fromString(value);
            if (!parsed.toString().equalsIgnoreCase(value)) {
                throw otherwise.get();
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw otherwise.get();
        }
    }
}
