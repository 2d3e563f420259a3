package de.stadtportal.content.city.web;

import de.stadtportal.content.city.application.CityListQuery;
import de.stadtportal.content.city.application.CityService;
import de.stadtportal.content.city.application.SaveCity;
import de.stadtportal.content.media.web.MediaLinks;
import de.stadtportal.content.web.ApiExamples;
import de.stadtportal.web.http.ETags;
import de.stadtportal.web.paging.Cursor;
import de.stadtportal.web.paging.Limit;
import de.stadtportal.web.paging.Page;
import de.stadtportal.web.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/cities}: public reads, admin-only changes. */
@RestController
@RequestMapping("/api/cities")
@Tag(name = "Cities", description = "The cities of the portal and their portraits")
class CityController {

    private final CityService cities;
    private final MediaLinks links;

    CityController(CityService cities, MediaLinks links) {
        this.cities = cities;
        this.links = links;
    }

    @Operation(summary = "List the cities")
    @ApiResponse(responseCode = "200", description = "A page of cities")
    @GetMapping
    Mono<Page<CityView>> list(@RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return Mono.defer(() -> {
            int size = Limit.parse(limit);
            String after = cursor == null ? null : Cursor.read(cursor, 1, values -> values.get(0));
            return cities.list(new CityListQuery(after, size))
                    .flatMap(slice -> CityView.items(links, slice.items()).map(items -> Page.of(slice,
                            city -> CityView.of(city, links, items), city -> new String[] {city.slug()})));
        });
    }

    @Operation(summary = "Read a city's portrait")
    @ApiResponse(responseCode = "200", description = "The city")
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @GetMapping("/{city}")
    Mono<ResponseEntity<CityView>> get(@PathVariable String city, ServerHttpRequest request) {
        return cities.get(city).flatMap(found -> CityView.items(links, List.of(found)).map(items -> {
            String etag = found.entityTag();
            return ETags.notModified(request, etag)
                    ? ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).<CityView>build()
                    : ResponseEntity.ok().eTag(etag).body(CityView.of(found, links, items));
        }));
    }

    @Operation(summary = "Create or replace a city's portrait; for admins",
            description = "Replacing an existing city needs If-Match with the ETag you read.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = ApiExamples.CITY))))
    @ApiResponse(responseCode = "200", description = "The replaced city")
    @ApiResponse(responseCode = "201", description = "The new city")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag, or the city does not exist")
    @ApiResponse(responseCode = "428", description = "If-Match is missing for an existing city")
    @PutMapping("/{city}")
    Mono<ResponseEntity<CityView>> put(@PathVariable String city, @Valid @RequestBody CityRequest body,
            ServerHttpRequest request) {
        return Callers.current()
                .flatMap(caller -> cities.save(new SaveCity(city, body.portrait(), ETags.ifMatch(request)), caller))
                .flatMap(saved -> CityView.items(links, List.of(saved.city())).map(items -> (saved.created()
                        ? ResponseEntity.created(URI.create("/api/cities/" + city))
                        : ResponseEntity.ok())
                        .eTag(saved.city().entityTag())
                        .body(CityView.of(saved.city(), links, items))));
    }
}
