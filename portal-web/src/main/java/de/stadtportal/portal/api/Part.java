package de.stadtportal.portal.api;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One part of a page read from the API, or the sign that it could not be read in time: the page is
 * served either way, and its template says which part is missing instead of the whole page failing.
 *
 * @param value what was read, or the empty stand-in when it was not found or not available
 * @param unavailable true when the API failed or was too slow for this part
 */
public record Part<T>(T value, boolean unavailable) {

    private static final Logger log = LoggerFactory.getLogger(Part.class);

    /** The read, at most {@code timeout} long; {@code empty} when nothing was found or the read failed. */
    public static <T> Mono<Part<T>> of(String name, Mono<T> read, T empty, Duration timeout) {
        return read.timeout(timeout)
                .map(value -> new Part<>(value, false))
                .defaultIfEmpty(new Part<>(empty, false))
                .onErrorResume(error -> {
                    log.warn("Page part {} served without its content: {}", name, error.toString());
                    return Mono.just(new Part<>(empty, true));
                });
    }
}
