package de.stadtportal.content.article.application;

import de.stadtportal.content.article.domain.Article;
import de.stadtportal.content.article.domain.ArticleEvent;
import de.stadtportal.content.article.domain.Change;
import de.stadtportal.content.article.domain.Content;
import de.stadtportal.content.article.domain.Revision;
import de.stadtportal.content.article.domain.Slugs;
import de.stadtportal.content.article.domain.TranslatedArticle;
import de.stadtportal.content.article.persistence.ArticleRepository;
import de.stadtportal.content.article.persistence.RevisionRepository;
import de.stadtportal.content.city.application.KnownCities;
import de.stadtportal.content.media.application.KnownMedia;
import de.stadtportal.kernel.Caller;
import de.stadtportal.kernel.paging.Slice;
import de.stadtportal.kernel.refusal.InvalidInput;
import de.stadtportal.kernel.refusal.NotFound;
import de.stadtportal.kernel.refusal.RuleBroken;
import de.stadtportal.kernel.refusal.StaleVersion;
import de.stadtportal.kernel.refusal.Violation;
import de.stadtportal.messaging.outbox.Outbox;
import de.stadtportal.messaging.outbox.WholeWrites;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The article use cases. Each change is decided by the {@link Article} aggregate and stored with
 * its revision and its outbox events in one transaction; the row is updated only if it is still at
 * the version that was read, so a concurrent change is refused ({@code StaleVersion}) instead of
 * being lost.
 * <p>
 * Checks run in the order a client can act on: unknown locale or city, then the caller's right to
 * change the city, then the content. Nothing is written before all of them passed.
 * <p>
 * Reads and changes stay in one class (longer than most) on purpose: they share that order of
 * checks and the one way a decision is stored ({@code persist}), and split in two they would have
 * to be kept in step by hand.
 */
@Service
public class ArticleService implements KnownArticles {

    private static final Logger log = LoggerFactory.getLogger(ArticleService.class);
    private static final String SCHEDULER = "scheduler";

    private final ArticleRepository articles;
    private final RevisionRepository revisions;
    private final KnownCities cities;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final TopicsAndLocales offer;
    private final Clock clock;
    private final ArticleMetrics metrics;
    private final ScheduledTimes scheduled;
    private final KnownMedia media;

    ArticleService(ArticleRepository articles, RevisionRepository revisions, KnownCities cities, Outbox outbox,
            TransactionalOperator transactions, TopicsAndLocales offer, Clock clock, ArticleMetrics metrics,
            ScheduledTimes scheduled, KnownMedia media) {
        this.articles = articles;
        this.revisions = revisions;
        this.cities = cities;
        this.outbox = outbox;
        this.transactions = transactions;
        this.offer = offer;
        this.clock = clock;
        this.metrics = metrics;
        this.scheduled = scheduled;
        this.media = media;
    }

    // ---- reads

    @Override
    public Mono<Boolean> exists(String city, String slug) {
        return articles.exists(city, slug);
    }

    @Override
    public Mono<Map<String, Boolean>> readable(String city, Collection<String> slugs) {
        return articles.readable(city, slugs, offer.fallback());
    }

    /**
     * The article in the requested locale, or in the fallback locale when there is none the caller
     * may see. Drafts are visible to editors of their city only; to everybody else they do not exist.
     */
    public Mono<TranslatedArticle> read(ArticleQuery query, Caller caller) {
        return Mono.defer(() -> {
            String city = query.city();
            String locale = offer.locale(query.locale());
            String fallback = offer.fallback();
            return cities.requireExists(city)
                    .then(articles.find(city, query.slug(), locale).filter(found -> visible(found.article(), caller)))
                    .switchIfEmpty(Mono.defer(() -> locale.equals(fallback) ? Mono.empty()
                            : articles.find(city, query.slug(), fallback)
                                    .filter(found -> visible(found.article(), caller))))
                    .switchIfEmpty(Mono.error(() -> notFound(query)));
        });
    }

    /** Published articles for everybody; with {@code drafts}, the drafts of the city for its editors. */
    public Mono<Slice<TranslatedArticle>> list(ArticleListQuery query, Caller caller) {
        return Mono.defer(() -> {
            offer.requireTopicParameter(query.topic());
            return query.drafts() ? drafts(query, caller) : published(query);
        });
    }

    private Mono<Slice<TranslatedArticle>> published(ArticleListQuery query) {
        String locale = offer.locale(query.locale());
        return cities.requireExists(query.city())
                .thenMany(articles.published(query.city(), locale, offer.fallback(), query.topic(),
                        query.tag(), query.afterAt(), query.afterId(), Slice.rowsFor(query.limit())))
                
                .collect(Slice.toSlice(query.limit()));
    }

    /** The drafts of a city, scheduled ones among them, most recently changed first; for its editors only. */
    private Mono<Slice<TranslatedArticle>> drafts(ArticleListQuery query, Caller caller) {
        caller.requireSignedIn("Drafts are shown to editors only; send a bearer token");
        String locale = offer.localeOrAll(query.locale());
        return cities.requireExists(query.city())
                .then(Mono.fromCallable(() -> caller.requireEditorOf(query.city())))
                .thenMany(articles.drafts(query.city(), locale, query.topic(), query.tag(), query.afterAt(),
                        query.afterId(), Slice.rowsFor(query.limit())))
                
                .collect(Slice.toSlice(query.limit()));
    }

    /** The saved states of an article, newest first; for editors of its city only. */
    public Mono<Slice<Revision>> revisions(RevisionQuery query, Caller caller) {
        return Mono.defer(() -> {
            caller.requireSignedIn("Revisions are shown to editors only; send a bearer token");
            return editable(query.article(), caller)
                    .flatMap(found -> revisions.newestFirst(found.article().id(), query.before(),
                            Slice.rowsFor(query.limit())).collect(Slice.toSlice(query.limit())));
        });
    }

    // ---- changes

    public Mono<TranslatedArticle> create(CreateArticle command, Caller caller) {
        return Mono.defer(() -> {
            String city = command.city();
            String locale = offer.bodyLocale(command.locale());
            Content content = offer.offered(command.content());
            return cities.requireExists(city)
                    .then(Mono.fromCallable(() -> caller.requireEditorOf(city)))
                    .then(heroImageKnown(content))
                    .then(slugFor(city, locale, command.slug(), content.title()))
                    .flatMap(slug -> {
                        Article draft = Article.draft(UUID.randomUUID(), city, slug, locale, content,
                                command.publishAt(), now());
                        return WholeWrites.transaction(transactions, articles.insert(draft, "created", caller.subject()))
                                .doOnSuccess(stored -> afterCommit("created", draft));
                    })
                    .onErrorMap(DuplicateKeyException.class, e -> slugTaken(command.slug()));
        });
    }

    public Mono<TranslatedArticle> revise(ReviseArticle command, Caller caller) {
        return editable(command.article(), caller).flatMap(found -> {
            Article current = found.article();
            command.ifMatch().require(current.entityTag());
            if (command.bodySlug() != null && !command.bodySlug().equals(current.slug())) {
                throw new InvalidInput("The slug of an article cannot be changed",
                        new Violation("slug", "must be '" + current.slug() + "' or left out"));
            }
            if (command.bodyLocale() != null && !command.bodyLocale().equals(current.locale())) {
                throw new InvalidInput("The locale of an article cannot be changed",
                        new Violation("locale", "must be '" + current.locale() + "' or left out"));
            }
            Content content = offer.offered(command.content());
            return heroImageKnown(content)
                    .then(persist(current, current.revise(content, command.publishAt(), now()), caller.subject()));
        });
    }

    /** Publishes now, or schedules when {@code publishAt} lies ahead. */
    public Mono<TranslatedArticle> publish(PublishArticle command, Caller caller) {
        return editable(command.article(), caller).flatMap(found -> {
            Article current = found.article();
            command.ifMatch().requireIfSent(current.entityTag());
            Instant now = now();
            Instant at = command.publishAt();
            Change change = at == null || !at.isAfter(now) ? current.publish(now) : current.schedule(at, now);
            return persist(current, change, caller.subject());
        });
    }

    /** Takes a public article back to draft (withdrawing it) or cancels a schedule. */
    public Mono<TranslatedArticle> unpublish(UnpublishArticle command, Caller caller) {
        return editable(command.article(), caller).flatMap(found -> {
            command.ifMatch().requireIfSent(found.article().entityTag());
            return persist(found.article(), found.article().unpublish(now()), caller.subject());
        });
    }

    public Mono<Void> delete(DeleteArticle command, Caller caller) {
        return editable(command.article(), caller).flatMap(found -> {
            command.ifMatch().requireIfSent(found.article().entityTag());
            return persist(found.article(), found.article().delete(now()), caller.subject());
        }).then();
    }

    /** Publishes every draft whose {@code publishAt} has come; answers how many it published. */
    Mono<Long> publishDue() {
        Instant now = now();
        return articles.due(now, 500)
                .concatMap(id -> WholeWrites.transaction(transactions, articles.lockDue(id, now).flatMap(article -> {
                            Change change = article.publish(now);
                            return store(article, change, SCHEDULER).thenReturn(change);
                        }))
                        .doOnNext(change -> afterCommit(change.what(), change.article()))
                        .onErrorResume(e -> {
                            log.warn("Could not publish scheduled article {}, will retry: {}", id, e.toString());
                            return Mono.empty();
                        }))
                .count();
    }

    // ---- helpers

    /**
     * The article for a caller who may change it. An article found names a city that exists (its
     * foreign key), so the city is asked for only when there is none; the refusals are the same either
     * way: unknown city, then the caller's right, then the unknown article.
     */
    private Mono<TranslatedArticle> editable(ArticleQuery query, Caller caller) {
        return Mono.defer(() -> {
            String locale = offer.locale(query.locale());
            return articles.find(query.city(), query.slug(), locale)
                    .doOnNext(found -> caller.requireEditorOf(query.city()))
                    .switchIfEmpty(Mono.defer(() -> cities.requireExists(query.city())
                            .then(Mono.fromCallable(() -> caller.requireEditorOf(query.city())))
                            .then(Mono.error(() -> notFound(query)))));
        });
    }

    /**
     * Stores a decision in one transaction, run to its end once begun; answers the article as stored,
     * with its translations (nothing once deleted).
     */
    private Mono<TranslatedArticle> persist(Article current, Change change, String savedBy) {
        if (!change.changed()) {
            return articles.find(current.city(), current.slug(), current.locale());
        }
        return WholeWrites.transaction(transactions, store(current, change, savedBy))
                .doOnSuccess(stored -> afterCommit(change.what(), change.article()));
    }

    /**
     * The row (if still at the version read) with its revision, then its events. The statement that
     * writes the row answers it as stored, so neither the events nor the answer read it again.
     */
    private Mono<TranslatedArticle> store(Article current, Change change, String savedBy) {
        if (change.deletes()) {
            return articles.delete(current)
                    .flatMap(deleted -> deleted ? announce(change, List.of()) : Mono.error(ArticleService::stale))
                    .then(Mono.empty());
        }
        return articles.update(change.article(), change.what(), savedBy)
                .switchIfEmpty(Mono.error(ArticleService::stale))
                .flatMap(stored -> announce(change, stored.translations()).thenReturn(stored));
    }

    /** Puts the change's events into the outbox; a published article carries the locales it is translated into. */
    private Mono<Void> announce(Change change, List<String> translations) {
        return Flux.fromIterable(change.events())
                .concatMap(event -> outbox.append(ArticleIntegrationEvents.of(event,
                                event instanceof ArticleEvent.Published ? translations : List.of(), media))
                        .doOnSuccess(done -> metrics.announced(ArticleIntegrationEvents.type(event))))
                .then();
    }

    private static StaleVersion stale() {
        return new StaleVersion("The article changed while this request was processed");
    }

    /** Refuses a hero image naming a media item that does not exist (422), before anything is written. */
    private Mono<Void> heroImageKnown(Content content) {
        return media.requireKnown(content.heroImage() == null ? null : content.heroImage().mediaId(),
                "heroImage.mediaId");
    }

    private Mono<String> slugFor(String city, String locale, String slug, String title) {
        if (slug != null) {
            return articles.find(city, slug, locale)
                    .flatMap(taken -> Mono.<String>error(slugTaken(slug)))
                    .defaultIfEmpty(slug);
        }
        String base = Slugs.derive(title);
        return articles.slugsLike(city, base).collect(Collectors.toSet()).map(taken -> Slugs.firstFree(base, taken));
    }

    private static boolean visible(Article article, Caller caller) {
        return article.isPublished() || caller.isEditorOf(article.city());
    }

    private static NotFound notFound(ArticleQuery query) {
        return new NotFound("There is no article '" + query.slug() + "' in city '" + query.city() + "'");
    }

    private static RuleBroken slugTaken(String slug) {
        if (slug == null) {
            return new RuleBroken("Another article took the derived slug at the same moment; send the request again");
        }
        return new RuleBroken("The slug is already taken in this city and locale",
                new Violation("slug", "'" + slug + "' is taken"));
    }

    /**
     * What follows a committed change: the metric and the scheduler's wake-up. The change has
     * committed, so its answer is success whatever happens here; each step that fails is logged and
     * the next one still runs. Neither step waits or retries on the event loop.
     */
    private void afterCommit(String change, Article article) {
        guarded("count the change", () -> metrics.changed(change));
        if (article.publishAt() != null && !article.isPublished()) {
            guarded("wake the scheduler", () -> scheduled.tell(article.publishAt()));
        }
    }

    private static void guarded(String step, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("After a committed article change, could not {}: {}", step, e.toString());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
