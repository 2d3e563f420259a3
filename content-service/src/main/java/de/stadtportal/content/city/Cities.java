package de.stadtportal.content.city;

import de.stadtportal.content.article.domain.Slugs;
import de.stadtportal.content.city.domain.City;
import de.stadtportal.content.city.domain.Portrait;
import de.stadtportal.contracts.CityChanged;
import de.stadtportal.contracts.CitySnapshot;
import de.stadtportal.contracts.Image;
import de.stadtportal.messaging.outbox.Outbox;
import de.stadtportal.web.http.ETags;
import de.stadtportal.web.paging.Cursor;
import de.stadtportal.web.paging.Page;
import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.problem.FieldError;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Reads and changes cities. A change and its {@code CityChanged} event commit together; the
 * update is conditional on the version that was read, so two admins cannot overwrite each other.
 */
@Service
class Cities implements KnownCities {

    private final CityStore store;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    Cities(CityStore store, Outbox outbox, TransactionalOperator transactions, MeterRegistry meters) {
        this.store = store;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
        this.meters = meters;
    }

    @Override
    public Mono<Void> requireExists(String slug) {
        return store.exists(slug).flatMap(exists -> exists ? Mono.<Void>empty()
                : Mono.error(ApiProblem.notFound("There is no city '" + slug + "'")));
    }

    Mono<Page<CityView>> list(int limit, String cursor) {
        String after = cursor == null ? null : Cursor.decode(cursor, 1).get(0);
        return store.page(after, limit + 1).collectList().map(cities -> {
            boolean more = cities.size() > limit;
            List<City> shown = more ? cities.subList(0, limit) : cities;
            return new Page<>(shown.stream().map(CityView::of).toList(),
                    more ? Cursor.encode(shown.get(shown.size() - 1).slug()) : null);
        });
    }

    Mono<City> get(String slug) {
        return store.find(slug).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("There is no city '" + slug + "'")));
    }

    static String etag(City city) {
        return ETags.of("city", city.slug(), city.version());
    }

    /** Creates the city or, with a matching {@code If-Match}, replaces its portrait. */
    Mono<Saved> put(String slug, Portrait portrait, ServerHttpRequest request) {
        if (!Slugs.isValid(slug)) {
            return Mono.error(ApiProblem.badRequest("Invalid city slug",
                    new FieldError("city", "must be lower-case letters, digits and single hyphens")));
        }
        if (portrait.neighbours().contains(slug)) {
            return Mono.error(ApiProblem.badRequest("A city is not its own neighbour",
                    new FieldError("neighbours", "must not contain the city itself")));
        }
        return store.find(slug).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(current -> {
            if (current.isPresent()) {
                ETags.requireMatch(request, etag(current.get()));
                City next = current.get().revise(portrait, clock.instant());
                return save(store.update(next), next).thenReturn(new Saved(next, false));
            }
            if (!request.getHeaders().getOrEmpty(HttpHeaders.IF_MATCH).isEmpty()) {
                throw ApiProblem.preconditionFailed("The city does not exist yet, so no ETag can match");
            }
            City created = City.create(slug, portrait, clock.instant());
            return save(store.insert(created), created).thenReturn(new Saved(created, true));
        });
    }

    private Mono<Void> save(Mono<Boolean> write, City city) {
        return transactions.transactional(write.flatMap(written -> written
                ? outbox.append(changed(city))
                : Mono.error(ApiProblem.preconditionFailed("The city changed while this request was processed"))))
                .doOnSuccess(done -> meters.counter("stadtportal.content.cities.changed").increment());
    }

    private static CityChanged changed(City city) {
        Portrait portrait = city.portrait();
        return new CityChanged(city.slug(), city.version(), city.updatedAt(), new CitySnapshot(city.slug(),
                portrait.name(), portrait.claim(), portrait.motto(), portrait.intro(), portrait.facts(),
                portrait.heroImage() == null ? null : new Image(portrait.heroImage().url(), portrait.heroImage().alt()),
                portrait.neighbours()));
    }

    record Saved(City city, boolean created) {
    }
}
