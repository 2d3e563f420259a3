package de.stadtportal.content.city.application;

import de.stadtportal.content.city.domain.City;
import de.stadtportal.content.city.domain.Portrait;
import de.stadtportal.content.city.persistence.CityRepository;
import de.stadtportal.content.media.application.KnownMedia;
import de.stadtportal.contracts.CityChanged;
import de.stadtportal.contracts.CitySnapshot;
import de.stadtportal.contracts.Image;
import de.stadtportal.kernel.Caller;
import de.stadtportal.kernel.paging.Slice;
import de.stadtportal.kernel.refusal.InvalidInput;
import de.stadtportal.kernel.refusal.NotFound;
import de.stadtportal.kernel.refusal.StaleVersion;
import de.stadtportal.kernel.refusal.Violation;
import de.stadtportal.messaging.outbox.Outbox;
import de.stadtportal.messaging.outbox.WholeWrites;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Reads and changes cities. A change and its {@code CityChanged} event commit together; the
 * update is conditional on the version that was read, so two admins cannot overwrite each other.
 */
@Service
public class CityService implements KnownCities {

    private final CityRepository repository;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final KnownMedia media;

    CityService(CityRepository repository, Outbox outbox, TransactionalOperator transactions, Clock clock,
            MeterRegistry meters, KnownMedia media) {
        this.repository = repository;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        this.media = media;
    }

    @Override
    public Mono<Void> requireExists(String slug) {
        return repository.exists(slug).flatMap(exists -> exists ? Mono.<Void>empty() : Mono.error(noCity(slug)));
    }

    public Mono<Slice<City>> list(CityListQuery query) {
        return repository.page(query.afterSlug(), Slice.rowsFor(query.limit()))
                .collect(Slice.toSlice(query.limit()));
    }

    public Mono<City> get(String slug) {
        return repository.find(slug).switchIfEmpty(Mono.error(() -> noCity(slug)));
    }

    /** Creates the city or, when {@code If-Match} names the version read, replaces its portrait; for admins. */
    public Mono<SavedCity> save(SaveCity command, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAdmin();
            String slug = command.slug();
            if (!City.isValidSlug(slug)) {
                throw new InvalidInput("Invalid city slug",
                        new Violation("city", "must be lower-case letters, digits and single hyphens"));
            }
            if (command.portrait().neighbours().contains(slug)) {
                throw new InvalidInput("A city is not its own neighbour",
                        new Violation("neighbours", "must not contain the city itself"));
            }
            Portrait.HeroImage hero = command.portrait().heroImage();
            return media.requireKnown(hero == null ? null : hero.mediaId(), "heroImage.mediaId")
                    .then(repository.find(slug)).map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(current -> current.isPresent()
                            ? replace(current.get(), command)
                            : create(command));
        });
    }

    private Mono<SavedCity> replace(City current, SaveCity command) {
        command.ifMatch().require(current.entityTag());
        City next = current.revise(command.portrait(), clock.instant());
        return save(repository.update(next), next).thenReturn(new SavedCity(next, false));
    }

    private Mono<SavedCity> create(SaveCity command) {
        if (command.ifMatch().sent()) {
            throw new StaleVersion("The city does not exist yet, so no ETag can match");
        }
        City created = City.create(command.slug(), command.portrait(), clock.instant());
        return save(repository.insert(created), created).thenReturn(new SavedCity(created, true));
    }

    private Mono<Void> save(Mono<Boolean> write, City city) {
        return WholeWrites.transaction(transactions, write.flatMap(written -> written
                ? outbox.append(changed(city, media))
                : Mono.error(new StaleVersion("The city changed while this request was processed"))))
                .doOnSuccess(done -> meters.counter("stadtportal.content.cities.changed").increment());
    }

    /** A hero image from the media library travels as its smallest rendition's URL. */
    private static CityChanged changed(City city, KnownMedia media) {
        Portrait portrait = city.portrait();
        return new CityChanged(city.slug(), city.version(), city.updatedAt(), new CitySnapshot(city.slug(),
                portrait.name(), portrait.claim(), portrait.motto(), portrait.intro(), portrait.facts(),
                portrait.heroImage() == null ? null : new Image(portrait.heroImage().url() != null
                        ? portrait.heroImage().url() : media.address(portrait.heroImage().mediaId()),
                        portrait.heroImage().alt()),
                portrait.neighbours()));
    }

    private static NotFound noCity(String slug) {
        return new NotFound("There is no city '" + slug + "'");
    }
}
