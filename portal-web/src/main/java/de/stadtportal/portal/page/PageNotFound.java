package de.stadtportal.portal.page;

import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The thing a page shows does not exist (the API said 404): the visitor gets the 404 page in the frame.
 * Every page reads the one thing it cannot be without through {@link #unlessFound} (or
 * {@link #unlessFoundIn} when the address names its city), so a missing article, venue or event is
 * the same 404 everywhere.
 */
public class PageNotFound extends ResponseStatusException {

    public PageNotFound(String what) {
        super(HttpStatus.NOT_FOUND, what + " does not exist");
    }

    /** What the API read, or this page's 404 when it read nothing. */
    public static <T> Mono<T> unlessFound(Mono<T> read, String what) {
        return read.switchIfEmpty(Mono.error(() -> new PageNotFound(what)));
    }

    /**
     * What the API read when it belongs to {@code city}, the city in the page's address; a 404 otherwise,
     * so that {@code /dortmund/orte/{id}} never shows a venue of Bochum under Dortmund's name.
     */
    public static <T> Mono<T> unlessFoundIn(String city, Function<T, String> cityOf, Mono<T> read, String what) {
        return unlessFound(read.filter(found -> city.equals(cityOf.apply(found))), what);
    }
}
