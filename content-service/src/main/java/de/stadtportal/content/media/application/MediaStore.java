package de.stadtportal.content.media.application;

import de.stadtportal.content.media.domain.RenditionFormat;
import reactor.core.publisher.Mono;

/**
 * Where the bytes of originals and renditions live, addressed by the SHA-256 of the original. The
 * implementation of this installation keeps them in the content database, where they are backed up
 * and committed together with the metadata; an object store would implement this same interface.
 * Writes take part in the caller's transaction.
 */
public interface MediaStore {

    /** Stores the original once; storing bytes that are already there changes nothing. */
    Mono<Void> put(String sha256, byte[] bytes);

    /** The original's bytes, empty when there are none. */
    Mono<byte[]> original(String sha256);

    /** A rendition made earlier, empty when it was not made yet. */
    Mono<byte[]> rendition(String sha256, int width, RenditionFormat format);

    /** Keeps a rendition; when another request kept it first, theirs stays. */
    Mono<Void> putRendition(String sha256, int width, RenditionFormat format, byte[] bytes);

    /** Removes the original and its renditions when no media item names them any more. */
    Mono<Void> forgetIfUnused(String sha256);
}
