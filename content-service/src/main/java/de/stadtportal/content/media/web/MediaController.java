package de.stadtportal.content.media.web;

import de.stadtportal.content.media.application.DeleteMedia;
import de.stadtportal.content.media.application.DescribeMedia;
import de.stadtportal.content.media.application.MediaListQuery;
import de.stadtportal.content.media.application.MediaService;
import de.stadtportal.content.media.application.Rendition;
import de.stadtportal.content.media.application.RenditionQuery;
import de.stadtportal.content.media.application.UploadMedia;
import de.stadtportal.content.media.domain.Media;
import de.stadtportal.content.media.domain.RenditionFormat;
import de.stadtportal.kernel.refusal.InvalidInput;
import de.stadtportal.kernel.refusal.NotFound;
import de.stadtportal.kernel.refusal.Violation;
import de.stadtportal.web.http.ETags;
import de.stadtportal.web.paging.Cursor;
import de.stadtportal.web.paging.Limit;
import de.stadtportal.web.paging.Page;
import de.stadtportal.web.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The media library over HTTP. An upload is read part by part; the file is joined into memory up
 * to the size limit and no further (the multipart reader spills larger parts to its own temporary
 * files, under names of its own: the client's file name is never used for anything).
 */
@RestController
@Tag(name = "Media", description = "The image library of a city and the renditions of its images")
class MediaController {

    static final String UPLOAD_EXAMPLE = """
            {"file": "(the image: JPEG, PNG or WebP)", "alt": "Der Förderturm des Bergbau-Museums",
             "altEn": "The headframe of the mining museum", "credit": "Foto: Stadt Bochum",
             "licence": "CC BY 4.0", "focalPoint": "0.5,0.3"}""";

    static final String DESCRIPTION_EXAMPLE = """
            {"alt": "Der Förderturm im Abendlicht", "altEn": "The headframe at dusk",
             "caption": "Blick vom Stadtpark", "credit": "Foto: Stadt Bochum", "licence": "CC BY 4.0",
             "focalPoint": "0.4,0.2"}""";

    /** A rendition's URL names bytes that never change, so any cache may keep it for a year. */
    static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final MediaService media;
    private final MediaLinks links;

    MediaController(MediaService media, MediaLinks links) {
        this.media = media;
        this.links = links;
    }

    @Operation(summary = "Upload an image into a city's library; for its editors",
            description = "multipart/form-data with the parts file (JPEG, PNG or WebP), alt (German, required),"
                    + " altEn, caption, credit, licence and focalPoint (x,y between 0 and 1). The same bytes"
                    + " uploaded again in the same city answer the existing item with 200 instead of 201:"
                    + " the image is already in the library, its description stays as it is and the one sent is"
                    + " not applied; Content-Location names the item and the ETag lets the client describe it anew"
                    + " with PUT /api/media/{id}.",
            security = @SecurityRequirement(name = "bearer"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(type = "object", requiredProperties = {"file", "alt"}),
                    schemaProperties = {
                            @SchemaProperty(name = "file", schema = @Schema(type = "string", format = "binary")),
                            @SchemaProperty(name = "alt", schema = @Schema(type = "string", maxLength = 300)),
                            @SchemaProperty(name = "altEn", schema = @Schema(type = "string", maxLength = 300)),
                            @SchemaProperty(name = "caption", schema = @Schema(type = "string", maxLength = 1000)),
                            @SchemaProperty(name = "credit", schema = @Schema(type = "string", maxLength = 200)),
                            @SchemaProperty(name = "licence", schema = @Schema(type = "string", maxLength = 200)),
                            @SchemaProperty(name = "focalPoint", schema = @Schema(type = "string",
                                    example = "0.5,0.3"))},
                    examples = @ExampleObject(value = UPLOAD_EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "Stored; Location names the item")
    @ApiResponse(responseCode = "200", description = "The city already has these bytes: the existing item as it"
            + " is, the description sent not applied", headers = @Header(name = HttpHeaders.CONTENT_LOCATION,
            description = "/api/media/{id} of the existing item", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Not an image, a content type that lies, a damaged file, SVG")
    @ApiResponse(responseCode = "422", description = "Larger than the size limit or more pixels than the limit")
    @PostMapping(path = "/api/cities/{city}/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<MediaView>> upload(@PathVariable String city,
            @RequestBody Mono<MultiValueMap<String, Part>> form) {
        return Callers.current().flatMap(caller -> media.requireUploader(city, caller)
                .then(form.onErrorMap(DecodingException.class,
                        e -> new InvalidInput("The body is not a multipart form", new Violation("file", e.getMessage()))))
                .flatMap(parts -> {
                    Part file = parts.getFirst("file");
                    if (file == null) {
                        return Mono.error(new InvalidInput("The image is missing",
                                new Violation("file", "must be sent as a multipart part named file")));
                    }
                    String declared = file.headers().getContentType() == null ? null
                            : file.headers().getContentType().toString();
                    return bytes(file).flatMap(bytes -> media.upload(new UploadMedia(city, bytes, declared,
                            text(parts, "alt"), text(parts, "altEn"), text(parts, "caption"), text(parts, "credit"),
                            text(parts, "licence"), text(parts, "focalPoint")), caller));
                })).map(uploaded -> (uploaded.created()
                        ? ResponseEntity.created(URI.create("/api/media/" + uploaded.media().id()))
                        : ResponseEntity.ok().header(HttpHeaders.CONTENT_LOCATION,
                                "/api/media/" + uploaded.media().id()))
                .eTag(uploaded.media().entityTag()).body(MediaView.of(uploaded.media(), links)));
    }

    @Operation(summary = "A city's library, the newest upload first",
            description = "Each item as GET /api/media/{id} answers it, renditions included; cursor paging.")
    @ApiResponse(responseCode = "200", description = "A page of items")
    @ApiResponse(responseCode = "404", description = "No such city")
    @GetMapping("/api/cities/{city}/media")
    Mono<Page<MediaView>> list(@PathVariable String city, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return Mono.defer(() -> {
            MediaListQuery.After after = cursor == null ? null : Cursor.read(cursor, 2,
                    values -> new MediaListQuery.After(Instant.parse(values.get(0)), UUID.fromString(values.get(1))));
            return media.list(new MediaListQuery(city, after, Limit.parse(limit)))
                    .map(slice -> Page.of(slice, found -> MediaView.of(found, links),
                            found -> new String[] {found.createdAt().toString(), found.id().toString()}));
        });
    }

    @Operation(summary = "One media item: description, pixel size and rendition links")
    @ApiResponse(responseCode = "200", description = "The item")
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @GetMapping("/api/media/{id}")
    Mono<ResponseEntity<MediaView>> get(@PathVariable UUID id, ServerHttpRequest request) {
        return media.read(id).map(found -> ETags.notModified(request, found.entityTag())
                ? ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(found.entityTag()).<MediaView>build()
                : respond(found));
    }

    @Operation(summary = "Describe an item anew (alt text, caption, credit, licence, focal point); for editors",
            description = "Send If-Match with the ETag you read.", security = @SecurityRequirement(name = "bearer"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = DESCRIPTION_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "The item as it is now")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @ApiResponse(responseCode = "428", description = "If-Match is missing")
    @PutMapping("/api/media/{id}")
    Mono<ResponseEntity<MediaView>> describe(@PathVariable UUID id, @Valid @RequestBody DescriptionRequest body,
            ServerHttpRequest request) {
        DescribeMedia command = new DescribeMedia(id, body.description(), ETags.ifMatch(request));
        return Callers.current().flatMap(caller -> media.describe(command, caller)).map(this::respond);
    }

    @Operation(summary = "Delete an item nothing refers to; for editors", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "409", description = "Still used; the problem names the articles, cities and highlights")
    @DeleteMapping("/api/media/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable UUID id, ServerHttpRequest request) {
        return Callers.current().flatMap(caller -> media.delete(new DeleteMedia(id, ETags.ifMatch(request)), caller))
                .then(Mono.fromCallable(() -> ResponseEntity.noContent().<Void>build()));
    }

    @Operation(summary = "A rendition: one of the widths 320, 640, 1024, 1600 as jpg or webp",
            description = "Made on first request and kept. Widths above the original's are not offered (never"
                    + " upscaled); an image narrower than 320 px is offered at 320 in its own width. No metadata"
                    + " of the original (EXIF, GPS) is in a rendition.")
    @ApiResponse(responseCode = "200", description = "The image", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the ETag")
    @ApiResponse(responseCode = "404", description = "No such item, or a width or format not offered")
    @GetMapping("/api/media/{id}/{width:\\d{1,5}}.{format:[a-z]{1,5}}")
    Mono<ResponseEntity<byte[]>> rendition(@PathVariable UUID id, @PathVariable int width,
            @PathVariable String format, ServerHttpRequest request) {
        return Mono.defer(() -> {
            RenditionFormat target = RenditionFormat.ofExtension(format)
                    .orElseThrow(() -> new NotFound("Renditions are jpg or webp"));
            return media.rendition(new RenditionQuery(id, width, target)).map(rendition -> serve(rendition, request));
        });
    }

    @Operation(summary = "The original as uploaded, metadata and all; for editors of the item's city",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", description = "The original bytes")
    @GetMapping("/api/media/{id}/original")
    Mono<ResponseEntity<byte[]>> original(@PathVariable UUID id) {
        return Callers.current().flatMap(caller -> media.read(id).zipWith(media.original(id, caller)))
                .map(found -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(found.getT1().format().contentType()))
                        .body(found.getT2()));
    }

    private ResponseEntity<MediaView> respond(Media found) {
        return ResponseEntity.ok().eTag(found.entityTag()).body(MediaView.of(found, links));
    }

    private static ResponseEntity<byte[]> serve(Rendition rendition, ServerHttpRequest request) {
        String etag = rendition.entityTag();
        if (ETags.notModified(request, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(IMMUTABLE).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(IMMUTABLE)
                .contentType(MediaType.parseMediaType(rendition.format().contentType()))
                .body(rendition.bytes());
    }

    /** The file's bytes, refused as soon as they pass the limit instead of after reading them all. */
    private Mono<byte[]> bytes(Part file) {
        long max = media.maxBytes();
        // the stream releases the joined buffer when it is closed
        return DataBufferUtils.join(file.content(), (int) Math.min(Integer.MAX_VALUE, max))
                .map(joined -> {
                    try (InputStream in = joined.asInputStream(true)) {
                        return in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .onErrorMap(DataBufferLimitException.class, e -> MediaService.tooLarge(max))
                .switchIfEmpty(Mono.error(() -> new InvalidInput("The image is empty",
                        new Violation("file", "must not be empty"))));
    }

    private static String text(MultiValueMap<String, Part> parts, String name) {
        Part part = parts.getFirst(name);
        if (part instanceof FormFieldPart field) {
            return field.value();
        }
        if (part instanceof FilePart) {
            throw new InvalidInput("A text part was sent as a file", new Violation(name, "must be a text field"));
        }
        return null;
    }
}
