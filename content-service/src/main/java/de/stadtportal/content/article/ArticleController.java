package de.stadtportal.content.article;

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
class ArticleController {

    private final Articles articles;

    ArticleController(Articles articles) {
        this.articles = articles;
    }

    /** Published articles, newest first; with {@code status=draft}, an editor of the city sees its drafts. */
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

    @PostMapping
    Mono<ResponseEntity<ArticleView>> create(@PathVariable String city, @Valid @RequestBody ArticleRequest body) {
        return Caller.current().flatMap(caller -> articles.create(city, body, caller))
                .map(found -> respond(ResponseEntity.created(URI.create("/api/cities/" + city + "/articles/"
                        + found.article().slug() + "?locale=" + found.article().locale())), found));
    }

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

    @PutMapping("/{slug}")
    Mono<ResponseEntity<ArticleView>> update(@PathVariable String city, @PathVariable String slug,
            @RequestParam(required = false) String locale, @Valid @RequestBody ArticleRequest body,
            ServerHttpRequest request) {
        return Caller.current().flatMap(caller -> articles.update(city, slug, locale, body, request, caller))
                .map(found -> respond(ResponseEntity.ok(), found));
    }

    @PostMapping("/{slug}/publication")
    Mono<ResponseEntity<ArticleView>> publish(@PathVariable String city, @PathVariable String slug,
            @RequestParam(required = false) String locale,
            @Valid @RequestBody(required = false) PublicationRequest body, ServerHttpRequest request) {
        return Caller.current().flatMap(caller -> articles.publish(city, slug, locale, body, request, caller))
                .map(found -> respond(ResponseEntity.ok(), found));
    }

    @DeleteMapping("/{slug}/publication")
    Mono<ResponseEntity<ArticleView>> unpublish(@PathVariable String city, @PathVariable String slug,
            @RequestParam(required = false) String locale, ServerHttpRequest request) {
        return Caller.current().flatMap(caller -> articles.unpublish(city, slug, locale, request, caller))
                .map(found -> respond(ResponseEntity.ok(), found));
    }

    @DeleteMapping("/{slug}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String city, @PathVariable String slug,
            @RequestParam(required = false) String locale, ServerHttpRequest request) {
        return Caller.current().flatMap(caller -> articles.delete(city, slug, locale, request, caller))
                .then(Mono.fromCallable(() -> ResponseEntity.noContent().<Void>build()));
    }

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
