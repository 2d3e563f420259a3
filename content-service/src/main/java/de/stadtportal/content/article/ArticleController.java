package de.stadtportal.content.article;

import de.stadtportal.content.ApiExamples;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import de.stadtportal.content.article.ArticleStore.Found;
import de.stadtportal.web.http.ETags;
import de.stadtportal.web.paging.Limit;
import de.stadtportal.web.paging.Page;
import de.stadtportal.web.security.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpHeaders;
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

/**
 * {@code /api/cities/{city}/articles}. Writes address one locale of an article with
 * {@code ?locale=} (default {@code de}); reads fall back to {@code de} and name the locale they
 * served in {@code Content-Language} and in the body.
 */
@RestController
@RequestMapping("/api/cities/{city}/articles")
@Tag(name = "Articles", description = "Editorial articles of a city, per locale")
class ArticleController {

    private final Articles articles;

    ArticleController(Articles articles) {
        this.articles = articles;
    }

    /** Published articles, newest first; with {@code status=draft}, an editor of the city sees its drafts. */
    @Operation(summary = "List the published articles of a city, newest first, or its drafts for its editors")
    @ApiResponse(responseCode = "200", description = "A page of articles; `next` is the cursor of the following page")
    @ApiResponse(responseCode = "401", description = "status=draft without a valid token")
    @ApiResponse(responseCode = "403", description = "status=draft with a token that may not edit this city")
    @GetMapping
    Mono<Page<ArticleView>> list(@PathVariable String city, @RequestParam(required = false) String topic,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String locale,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        return Mono.defer(() -> {
            int size = Limit.parse(limit);
            return Caller.current().flatMap(caller -> articles.list(city, topic, tag, locale, status, caller, size,
                    cursor));
        });
    }

    @Operation(summary = "Create an article as a draft", description = "The slug is derived from the title"
            + " unless given; the new article answers with its Location and ETag.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = ApiExamples.ARTICLE))))
    @ApiResponse(responseCode = "201", description = "Created", headers = @Header(name = "Content-Language",
            description = "The locale of the article", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = "The slug is taken in this city and locale")
    @PostMapping
    Mono<ResponseEntity<ArticleView>> create(@PathVariable String city, @Valid @RequestBody ArticleRequest body) {
        return Caller.current().flatMap(caller -> articles.create(city, body, caller))
                .map(found -> respond(ResponseEntity.created(URI.create("/api/cities/" + city + "/articles/"
                        + found.article().slug() + "?locale=" + found.article().locale())), found));
    }

    @Operation(summary = "Read one article", description = "Falls back to de when the locale asked for has no"
            + " translation; Content-Language names the locale served. Drafts are found by editors of the city only.")
    @ApiResponse(responseCode = "200", description = "The article", headers = @Header(name = "Content-Language",
            description = "The locale served", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @GetMapping("/{slug}")
    Mono<ResponseEntity<ArticleView>> get(@PathVariable String city, @PathVariable String slug,
            @RequestParam(required = false) String locale, ServerHttpRequest request) {
        return Caller.current().flatMap(caller -> articles.read(city, slug, locale, caller)).map(found -> {
            String etag = Articles.etag(found.article());
            if (ETags.notModified(request, etag)) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag)
                        .header(HttpHeaders.CONTENT_LANGUAGE, found.article().locale()).<ArticleView>build();
            }
            return respond(ResponseEntity.ok(), found);
        });
    }

    @Operation(summary = "Change an article (one locale)", description = "Send If-Match with the ETag you read.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = ApiExamples.ARTICLE))))
    @ApiResponse(responseCode = "200", description = "The changed article")
    @ApiResponse(responseCode = "409", description = "The change conflicts with the article's state")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @ApiResponse(responseCode = "428", description = "If-Match is missing")
    @PutMapping("/{slug}")
    Mono<ResponseEntity<ArticleView>> update(@PathVariable String city, @PathVariable String slug,
            @RequestParam(required = false) String locale, @Valid @RequestBody ArticleRequest body,
            ServerHttpRequest request) {
        return Caller.current().flatMap(caller -> articles.update(city, slug, locale, body, request, caller))
                .map(found -> respond(ResponseEntity.ok(), found));
    }

    @Operation(summary = "Publish an article, now or at publishAt", description = "If-Match is checked when sent.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = ApiExamples.PUBLICATION))))
    @ApiResponse(responseCode = "200", description = "The article, published or scheduled")
    @ApiResponse(responseCode = "409", description = "The article cannot be published in its state")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @PostMapping("/{slug}/publication")
    Mono<ResponseEntity<ArticleView>> publish(@PathVariable String city, @PathVariable String slug,
            @RequestParam(required = false) String locale,
            @Valid @RequestBody(required = false) PublicationRequest body, ServerHttpRequest request) {
        return Caller.current().flatMap(caller -> articles.publish(city, slug, locale, body, request, caller))
                .map(found -> respond(ResponseEntity.ok(), found));
    }

    @Operation(summary = "Withdraw an article's publication: it becomes a draft again")
    @ApiResponse(responseCode = "200", description = "The article as a draft")
    @ApiResponse(responseCode = "409", description = "The article cannot be withdrawn in its state")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @DeleteMapping("/{slug}/publication")
    Mono<ResponseEntity<ArticleView>> unpublish(@PathVariable String city, @PathVariable String slug,
            @RequestParam(required = false) String locale, ServerHttpRequest request) {
        return Caller.current().flatMap(caller -> articles.unpublish(city, slug, locale, request, caller))
                .map(found -> respond(ResponseEntity.ok(), found));
    }

    @Operation(summary = "Delete an article (one locale)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @DeleteMapping("/{slug}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String city, @PathVariable String slug,
            @RequestParam(required = false) String locale, ServerHttpRequest request) {
        return Caller.current().flatMap(caller -> articles.delete(city, slug, locale, request, caller))
                .then(Mono.fromCallable(() -> ResponseEntity.noContent().<Void>build()));
    }

    @Operation(summary = "The saved states of an article, newest first; for editors of the city",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", description = "A page of revisions")
    @GetMapping("/{slug}/revisions")
    Mono<Page<RevisionView>> revisions(@PathVariable String city, @PathVariable String slug,
            @RequestParam(required = false) String locale, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return Caller.current().flatMap(caller -> articles.revisions(city, slug, locale, caller, Limit.parse(limit),
                cursor));
    }

    private static ResponseEntity<ArticleView> respond(ResponseEntity.BodyBuilder response, Found found) {
        return response.eTag(Articles.etag(found.article()))
                .header(HttpHeaders.CONTENT_LANGUAGE, found.article().locale())
                .body(ArticleView.of(found.article(), found.translations()));
    }
}
