package de.stadtportal.content.article.web;

import de.stadtportal.content.article.application.ArticleListQuery;
import de.stadtportal.content.article.application.ArticleQuery;
import de.stadtportal.content.article.application.ArticleService;
import de.stadtportal.content.article.application.CreateArticle;
import de.stadtportal.content.article.application.DeleteArticle;
import de.stadtportal.content.article.application.PublishArticle;
import de.stadtportal.content.article.application.ReviseArticle;
import de.stadtportal.content.article.application.RevisionQuery;
import de.stadtportal.content.article.application.UnpublishArticle;
import de.stadtportal.content.article.domain.TranslatedArticle;
import de.stadtportal.content.media.web.MediaLinks;
import de.stadtportal.content.web.ApiExamples;
import de.stadtportal.web.http.ETags;
import de.stadtportal.web.paging.Cursor;
import de.stadtportal.web.paging.Limit;
import de.stadtportal.web.paging.Page;
import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
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

    private static final String PREVIEW_EXAMPLE = "{\"body\": \"## Kulturzentrum\\n\\nDie **Zeche** lädt ein.\"}";

    private final ArticleService articles;
    private final MediaLinks links;

    ArticleController(ArticleService articles, MediaLinks links) {
        this.articles = articles;
        this.links = links;
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
            if (tag != null && (tag.isBlank() || tag.length() > 40)) {
                throw ApiProblem.invalidParameter("tag", "must be 1 to 40 characters");
            }
            boolean drafts = drafts(status);
            ArticleListQuery.After after = cursor == null ? null : Cursor.read(cursor, 2,
                    values -> new ArticleListQuery.After(Instant.parse(values.get(0)), UUID.fromString(values.get(1))));
            ArticleListQuery query = new ArticleListQuery(city, drafts, topic, tag, locale, after, size);
            return Callers.current().flatMap(caller -> articles.list(query, caller))
                    .flatMap(slice -> ArticleView.Images.of(links, slice.items()).map(images -> Page.of(slice,
                            found -> ArticleView.of(found, images), found -> new String[] {
                                    (drafts ? found.article().updatedAt() : found.article().publishedAt()).toString(),
                                    found.article().id().toString()})));
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
        CreateArticle command = new CreateArticle(city, body.locale(), body.slug(), body.content(),
                instant(body.publishAt()));
        return Callers.current().flatMap(caller -> articles.create(command, caller))
                .flatMap(found -> respond(ResponseEntity.created(URI.create("/api/cities/" + city + "/articles/"
                        + found.article().slug() + "?locale=" + found.article().locale())), found));
    }

    @Operation(summary = "Render Markdown as an article's body, without saving anything",
            description = "For editors of the city while they write: the same rendering and sanitizing as every"
                    + " article's bodyHtml.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = PREVIEW_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "The rendered, sanitized HTML")
    @ApiResponse(responseCode = "403", description = "The token may not edit this city")
    @PostMapping("/preview")
    Mono<PreviewView> preview(@PathVariable String city, @Valid @RequestBody PreviewRequest body) {
        return Callers.current().map(caller -> {
            caller.requireEditorOf(city);
            return new PreviewView(SafeHtml.fromMarkdown(body.body()));
        });
    }

    @Operation(summary = "Read one article", description = "Falls back to de when the locale asked for has no"
            + " translation; Content-Language names the locale served. Drafts are found by editors of the city only.")
    @ApiResponse(responseCode = "200", description = "The article", headers = @Header(name = "Content-Language",
            description = "The locale served", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @GetMapping("/{slug}")
    Mono<ResponseEntity<ArticleView>> get(@PathVariable String city, @PathVariable String slug,
            @RequestParam(required = false) String locale, ServerHttpRequest request) {
        ArticleQuery query = new ArticleQuery(city, slug, locale);
        return Callers.current().flatMap(caller -> articles.read(query, caller)).flatMap(found -> {
            String etag = found.article().entityTag();
            if (ETags.notModified(request, etag)) {
                return Mono.just(ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag)
                        .header(HttpHeaders.CONTENT_LANGUAGE, found.article().locale()).<ArticleView>build());
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
        ReviseArticle command = new ReviseArticle(new ArticleQuery(city, slug, locale), body.slug(), body.locale(),
                body.content(), instant(body.publishAt()), ETags.ifMatch(request));
        return Callers.current().flatMap(caller -> articles.revise(command, caller))
                .flatMap(found -> respond(ResponseEntity.ok(), found));
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
        PublishArticle command = new PublishArticle(new ArticleQuery(city, slug, locale),
                body == null ? null : instant(body.publishAt()), ETags.ifMatch(request));
        return Callers.current().flatMap(caller -> articles.publish(command, caller))
                .flatMap(found -> respond(ResponseEntity.ok(), found));
    }

    @Operation(summary = "Withdraw an article's publication: it becomes a draft again")
    @ApiResponse(responseCode = "200", description = "The article as a draft")
    @ApiResponse(responseCode = "409", description = "The article cannot be withdrawn in its state")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @DeleteMapping("/{slug}/publication")
    Mono<ResponseEntity<ArticleView>> unpublish(@PathVariable String city, @PathVariable String slug,
            @RequestParam(required = false) String locale, ServerHttpRequest request) {
        UnpublishArticle command = new UnpublishArticle(new ArticleQuery(city, slug, locale), ETags.ifMatch(request));
        return Callers.current().flatMap(caller -> articles.unpublish(command, caller))
                .flatMap(found -> respond(ResponseEntity.ok(), found));
    }

    @Operation(summary = "Delete an article (one locale)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @DeleteMapping("/{slug}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String city, @PathVariable String slug,
            @RequestParam(required = false) String locale, ServerHttpRequest request) {
        DeleteArticle command = new DeleteArticle(new ArticleQuery(city, slug, locale), ETags.ifMatch(request));
        return Callers.current().flatMap(caller -> articles.delete(command, caller))
                .then(Mono.fromCallable(() -> ResponseEntity.noContent().<Void>build()));
    }

    @Operation(summary = "The saved states of an article, newest first; for editors of the city",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", description = "A page of revisions")
    @GetMapping("/{slug}/revisions")
    Mono<Page<RevisionView>> revisions(@PathVariable String city, @PathVariable String slug,
            @RequestParam(required = false) String locale, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return Mono.defer(() -> {
            int size = Limit.parse(limit);
            Long before = cursor == null ? null : Cursor.read(cursor, 1, values -> Long.valueOf(values.get(0)));
            RevisionQuery query = new RevisionQuery(new ArticleQuery(city, slug, locale), before, size);
            return Callers.current().flatMap(caller -> articles.revisions(query, caller))
                    .map(slice -> Page.of(slice, RevisionView::of,
                            revision -> new String[] {Long.toString(revision.version())}));
        });
    }

    /** Without {@code status}, or with {@code published}, the public list; with {@code draft}, the drafts. */
    private static boolean drafts(String status) {
        if (status != null && !status.equals("published") && !status.equals("draft")) {
            throw ApiProblem.invalidParameter("status", "must be published or draft");
        }
        return "draft".equals(status);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private Mono<ResponseEntity<ArticleView>> respond(ResponseEntity.BodyBuilder response, TranslatedArticle found) {
        return ArticleView.Images.of(links, List.of(found)).map(images -> response.eTag(found.article().entityTag())
                .header(HttpHeaders.CONTENT_LANGUAGE, found.article().locale())
                .body(ArticleView.of(found, images)));
    }
}
