package de.stadtportal.content.highlight.application;

import de.stadtportal.content.article.application.KnownArticles;
import de.stadtportal.content.city.application.KnownCities;
import de.stadtportal.content.highlight.domain.Carousel;
import de.stadtportal.content.highlight.domain.Highlight;
import de.stadtportal.content.highlight.persistence.HighlightRepository;
import de.stadtportal.content.media.application.KnownMedia;
import de.stadtportal.kernel.Caller;
import de.stadtportal.kernel.refusal.LimitExceeded;
import de.stadtportal.kernel.refusal.StaleVersion;
import de.stadtportal.kernel.refusal.Violation;
import de.stadtportal.kernel.version.IfMatch;
import de.stadtportal.messaging.outbox.WholeWrites;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and replaces carousels. The entity tag covers the stored version, which teasers are valid
 * now and which link an article visitors cannot read yet, so a teaser that expires, or a linked
 * draft that is published, also changes it. A replacement is checked completely before anything
 * is written, and the version it replaces is part of the update, so two editors cannot overwrite
 * each other unnoticed.
 */
@Service
public class HighlightService {

    private final HighlightRepository repository;
    private final TransactionalOperator transactions;
    private final KnownCities cities;
    private final KnownArticles articles;
    private final Clock clock;
    private final KnownMedia media;

    HighlightService(HighlightRepository repository, TransactionalOperator transactions, KnownCities cities,
            KnownArticles articles, Clock clock, KnownMedia media) {
        this.repository = repository;
        this.transactions = transactions;
        this.cities = cities;
        this.articles = articles;
        this.clock = clock;
        this.media = media;
    }

    /** The carousel as the caller sees it now: editors of the city also get the teasers hidden from visitors. */
    public Mono<Carousel.Shown> current(String city, Caller caller) {
        return carousel(city).map(carousel -> carousel.at(clock.instant(), caller.isEditorOf(city)));
    }

    /** Every stored teaser of the city, valid or not, for its editors (403 for everybody else). */
    public Mono<Carousel.Shown> stored(String city, Caller caller) {
        return Mono.fromCallable(() -> caller.requireEditorOf(city)).then(carousel(city)).map(Carousel::stored);
    }

    /**
     * Replaces the carousel if {@code If-Match} names what the caller read (the visitors', the editors'
     * or the stored view).
     */
    public Mono<Carousel.Shown> replace(ReplaceCarousel command, Caller caller) {
        String city = command.city();
        return Mono.fromCallable(() -> caller.requireEditorOf(city))
                .then(carousel(city))
                .flatMap(carousel -> {
                    Instant now = clock.instant();
                    String editors = carousel.entityTag(now, true);
                    String stored = carousel.stored().entityTag();
                    command.ifMatch().require(names(command.ifMatch(), stored) ? stored
                            : names(command.ifMatch(), editors) ? editors : carousel.entityTag(now, false));
                    return linkedArticlesExist(city, command.highlights())
                            .then(imagesExist(command.highlights()))
                            .then(WholeWrites.transaction(transactions, store(carousel, command.highlights())))
                            .then(carousel(city));
                })
                .map(carousel -> carousel.at(clock.instant(), true));
    }

    private Mono<Carousel> carousel(String city) {
        return cities.requireExists(city)
                .then(Mono.zip(repository.version(city), repository.highlights(city).collectList()))
                .flatMap(stored -> articles.readable(city, linkedArticles(stored.getT2()))
                        .map(readable -> new Carousel(city, stored.getT1(), stored.getT2(), readable)));
    }

    private static Set<String> linkedArticles(List<Highlight> highlights) {
        return highlights.stream().filter(highlight -> highlight.link().kind() == Highlight.Kind.ARTICLE)
                .map(highlight -> highlight.link().target())
                .collect(Collectors.toSet());
    }

    private static boolean names(IfMatch ifMatch, String tag) {
        return ifMatch.tags().stream().anyMatch(sent -> sent.equals(tag) || sent.equals("W/" + tag));
    }

    private Mono<Void> store(Carousel carousel, List<Highlight> next) {
        String city = carousel.city();
        return repository.advanceVersion(city, carousel.version())
                .flatMap(advanced -> advanced ? Mono.<Void>empty()
                        : Mono.error(new StaleVersion("The highlights changed while this request was processed")))
                .then(repository.replaceAll(city, next));
    }

    private Mono<Void> imagesExist(List<Highlight> highlights) {
        return Flux.range(0, highlights.size())
                .concatMap(i -> media.requireKnown(highlights.get(i).imageMediaId(), "items[" + i + "].image.mediaId"))
                .then();
    }

    private Mono<Void> linkedArticlesExist(String city, List<Highlight> highlights) {
        return Flux.range(0, highlights.size())
                .filter(i -> highlights.get(i).link().kind() == Highlight.Kind.ARTICLE)
                .concatMap(i -> articles.exists(city, highlights.get(i).link().target())
                        .flatMap(exists -> exists ? Mono.<Void>empty()
                                : Mono.error(new LimitExceeded("A highlight links an article that does not exist",
                                        new Violation("items[" + i + "].link.target",
                                                "no article '" + highlights.get(i).link().target() + "' in " + city)))))
                .then();
    }
}
