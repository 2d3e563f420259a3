package de.stadtportal.portal.desk.api;

import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;

/**
 * A city's media library through the API, with the editor's token. An upload is passed on as it
 * arrives, part by part: the file streams from the editor's browser to the platform, which alone
 * decides whether it is an image and small enough, so the desk never holds a whole photo in memory.
 */
@Component
public class DeskMediaApi {

    private static final String ITEM = "/api/media/{id}";
    private static final ParameterizedTypeReference<DeskList<DeskMedia>> LIST =
            new ParameterizedTypeReference<>() { };

    private final DeskApi api;

    public DeskMediaApi(DeskApi api) {
        this.api = api;
    }

    /** The city's library, the newest upload first (the first hundred). */
    public Mono<Answer<DeskList<DeskMedia>>> library(String city) {
        return DeskApi.answer(api.client().get().uri(builder -> builder.path("/api/cities/{city}/media")
                .queryParam("limit", "100").build(city)), LIST);
    }

    public Mono<Answer<DeskMedia>> item(String id) {
        return DeskApi.answer(api.client().get().uri(ITEM, id), DeskMedia.class);
    }

    /**
     * Uploads {@code file} into the city's library with its description ({@code alt} and the rest as
     * text parts); the answer says whether the library had the image already (200 rather than 201).
     */
    public Mono<Answer<Uploaded>> upload(String city, FilePart file, Map<String, String> description) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.asyncPart("file", file.content(), DataBuffer.class).filename("upload")
                .contentType(file.headers().getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                        : file.headers().getContentType());
        description.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                parts.part(name, value);
            }
        });
        return DeskApi.answer(api.client().post().uri("/api/cities/{city}/media", city)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())),
                response -> response.bodyToMono(DeskMedia.class).map(item -> new Uploaded(item,
                        response.statusCode().value() == HttpStatus.OK.value())));
    }

    /** Deletes the item if it is still at the version read under {@code etag}; the API refuses one in use (409). */
    public Mono<Answer<Void>> remove(String id, String etag) {
        return DeskApi.answer(api.client().delete().uri(ITEM, id).header("If-Match", etag), Void.class);
    }

    /** Describes the item anew if it is still at the version read under {@code etag}. */
    public Mono<Answer<DeskMedia>> describe(String id, String etag, MediaDescription description) {
        return DeskApi.answer(api.client().put().uri(ITEM, id).header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(description), DeskMedia.class);
    }
}
