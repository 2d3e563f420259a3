package de.stadtportal.events.venue;

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
class VenueController {

    private final VenueService venues;

    VenueController(VenueService venues) {
        this.venues = venues;
    }

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

    @PostMapping
    Mono<ResponseEntity<VenueView>> create(@RequestBody VenueRequest body) {
        return venues.create(body.details()).map(venue -> ResponseEntity
                .created(URI.create("/api/venues/" + venue.id()))
                .eTag(VenueService.etag(venue))
                .body(VenueView.of(venue)));
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<VenueView>> update(@PathVariable String id, @RequestBody VenueRequest body,
            ServerHttpRequest request) {
        return venues.update(venueId(id), body.details(), request)
                .map(venue -> ResponseEntity.ok().eTag(VenueService.etag(venue)).body(VenueView.of(venue)));
    }

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
