package de.stadtportal.content.highlight.web;

import de.stadtportal.content.highlight.application.HighlightService;
import de.stadtportal.content.highlight.application.ReplaceCarousel;
import de.stadtportal.content.highlight.domain.Carousel;
import de.stadtportal.content.media.web.MediaLinks;
import de.stadtportal.content.web.ApiExamples;
import de.stadtportal.web.http.ETags;
import de.stadtportal.web.paging.Page;
import de.stadtportal.web.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
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

/**
 * {@code /api/cities/{city}/highlights}: the valid teasers for everybody, the whole carousel replaced
 * by editors. Editors of the city also see teasers hidden from visitors (a linked draft), with a warning.
 */
@RestController
@RequestMapping("/api/cities/{city}/highlights")
@Tag(name = "Highlights", description = "The teaser carousel of a city")
class HighlightController {

    private final HighlightService highlights;
    private final MediaLinks links;

    HighlightController(HighlightService highlights, MediaLinks links) {
        this.highlights = highlights;
        this.links = links;
    }

    @Operation(summary = "The teasers of a city valid now, in carousel order",
            description = "With all=true every stored teaser, expired and future ones too (editors of the city"
                    + " only), under an ETag that a replacement may name.")
    @ApiResponse(responseCode = "200", description = "The valid teasers")
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @ApiResponse(responseCode = "403", description = "all=true by somebody who is no editor of the city")
    @GetMapping
    Mono<ResponseEntity<Page<HighlightView>>> get(@PathVariable String city,
            @RequestParam(defaultValue = "false") boolean all, ServerHttpRequest request) {
        return Callers.current().flatMap(caller -> all ? highlights.stored(city, caller)
                : highlights.current(city, caller)).flatMap(shown -> {
            String etag = shown.entityTag();
            return ETags.notModified(request, etag)
                    ? Mono.just(ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag)
                            .varyBy(HttpHeaders.AUTHORIZATION).<Page<HighlightView>>build())
                    : page(shown).map(page -> ResponseEntity.ok().eTag(etag).varyBy(HttpHeaders.AUTHORIZATION)
                            .body(page));
        });
    }

    @Operation(summary = "Replace the whole carousel of a city; for its editors",
            description = "Send If-Match with the ETag you read.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = ApiExamples.CAROUSEL))))
    @ApiResponse(responseCode = "200", description = "The carousel as it is now")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @ApiResponse(responseCode = "422", description = "A teaser links an article, event or venue that does not exist")
    @ApiResponse(responseCode = "428", description = "If-Match is missing")
    @PutMapping
    Mono<ResponseEntity<Page<HighlightView>>> replace(@PathVariable String city,
            @Valid @RequestBody CarouselRequest body, ServerHttpRequest request) {
        return Callers.current()
                .flatMap(caller -> highlights.replace(new ReplaceCarousel(city, body.highlights(),
                        ETags.ifMatch(request)), caller))
                .flatMap(shown -> page(shown).map(page -> ResponseEntity.ok().eTag(shown.entityTag()).body(page)));
    }

    /** The carousel is one short list, so its page never has a next one; its library images are found at once. */
    private Mono<Page<HighlightView>> page(Carousel.Shown shown) {
        return links.find(shown.teasers().stream().map(teaser -> teaser.highlight().imageMediaId()).toList())
                .map(items -> new Page<>(shown.teasers().stream()
                        .map(teaser -> HighlightView.of(shown.city(), teaser, links, items)).toList(), null));
    }
}
