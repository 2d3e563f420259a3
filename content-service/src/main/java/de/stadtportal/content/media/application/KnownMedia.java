package de.stadtportal.content.media.application;

import de.stadtportal.content.media.domain.Media;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * What articles, cities and highlights ask of the media library: the items they refer to, to show
 * their alt text and renditions, and a refusal when one they are about to refer to does not exist.
 */
public interface KnownMedia {

    /** The items among {@code ids} that exist; unknown ids are simply absent. */
    Mono<Map<UUID, Media>> find(Collection<UUID> ids);

    /**
     * Refuses with {@code UnknownReference} naming {@code field} when the item does not exist; null
     * (no reference) passes.
     */
    Mono<Void> requireKnown(UUID id, String field);

    /**
     * The absolute URL of the item's smallest JPEG rendition, which every item is offered in: what
     * events carry as an image's {@code url}, for consumers that know nothing of the library.
     */
    String address(UUID id);
}
