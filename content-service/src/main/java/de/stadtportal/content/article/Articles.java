package de.stadtportal.content.article;

import de.stadtportal.content.ContentProperties;
import de.stadtportal.content.article.ArticleStore.Found;
import de.stadtportal.content.article.domain.Article;
import de.stadtportal.content.article.domain.ArticleEvent;
import de.stadtportal.content.article.domain.ArticleRuleViolated;
import de.stadtportal.content.article.domain.Change;
import de.stadtportal.content.article.domain.Content;
import de.stadtportal.content.article.domain.Slugs;
import de.stadtportal.content.city.KnownCities;
import de.stadtportal.contracts.ArticlePublished;
import de.stadtportal.contracts.ArticleSnapshot;
import de.stadtportal.contracts.ArticleWithdrawn;
import de.stadtportal.contracts.Image;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.messaging.outbox.Outbox;
import de.stadtportal.web.http.ETags;
import de.stadtportal.web.paging.Cursor;
import de.stadtportal.web.paging.Page;
import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.problem.FieldError;
import de.stadtportal.web.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * The article use cases. Each change is decided by the {@link Article} aggregate and stored with
 * its revision and its outbox events in one transaction; the row is updated only if it is still at
 * the version that was read, so a concurrent change answers 412 instead of being lost.
 * <p>
 * Checks run in the order a client can act on: unknown locale or city, then the caller's right to
 * change the city, then the content. Nothing is written before all of them passed.
 */
@Service
class Articles implements KnownArticles {

    private static final Logger log = LoggerFactory.getLogger(Articles.class);
    private static final String SCHEDULER = "scheduler";

    private final ArticleStore store;
    private final KnownCities cities;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final ContentProperties settings;
    private final MeterRegistry meters;
    private final AtomicReference<FluxSink<Instant>> scheduleSink = new AtomicReference<>();
    private final Flux<Instant> schedules = Flux.<Instant>create(sink -> {
        scheduleSink.set(sink);
        sink.onDispose(() -> scheduleSink.compareAndSet(sink, null));
    }, FluxSink.OverflowStrategy.LATEST).share();

    Articles(ArticleStore store, KnownCities cities, Outbox outbox, TransactionalOperator transactions,
            ContentProperties settings, MeterRegistry meters) {
        this.store = store;
        this.cities = cities;
        this.outbox = outbox;
        this.transactions = transactions;
        this.settings = settings;
        this.meters = meters;
    }

    static String etag(Article article) {
        return ETags.of(article.id(), article.version(), article.locale());
    }

    /**
     * Times of newly scheduled publications, so the scheduler can wake at the right moment. They are
     * told after the commit, from whichever thread committed, often several at once: the sink of
     * {@code Flux.create} serializes concurrent producers by queueing (a {@code Sinks.Many} fails
     * them, and retrying meant spinning on the event loop) and keeps the latest while the
     * scheduler is busy. Without a subscriber the time is dropped; the scheduler's interval
     * catches every schedule anyway.
     */
    Flux<Instant> schedules() {
        return schedules;
    }

    // ---- reads

    @Override
    public Mono<Boolean> exists(String city, String slug) {
        return store.exists(city, slug);
    }

    @Override
    public Mono<Map<String, Boolean>> readable(String city, Collection<String> slugs) {
        return store.readable(city, slugs, settings.fallbackLocale());
    }

    /**
     * The article in the requested locale, or in the fallback locale when there is none the caller
     * may see. Drafts are visible to editors of their city only; to everybody else they do not exist.
     */
    Mono<Found> read(String city, String slug, String requestedLocale, Caller caller) {
        return Mono.defer(() -> {
            String locale = locale(requestedLocale);
            String fallback = settings.fallbackLocale();
            return cities.requireExists(city)
                    .then(store.find(city, slug, locale).filter(found -> visible(found.article(), caller)))
                    .switchIfEmpty(Mono.defer(() -> locale.equals(fallback) ? Mono.empty()
                            : store.find(city, slug, fallback).filter(found -> visible(found.article(), caller))))
                    .switchIfEmpty(Mono.error(() -> notFound(city, slug)));
        });
    }

    Mono<Page<ArticleView>> list(String city, String topic, String tag, String requestedLocale, String status,
            Caller caller, int limit, String cursor) {
        return Mono.defer(() -> {
            if (topic != null && !settings.topics().contains(topic)) {
                throw ApiProblem.invalidParameter("topic", "must be one of " + settings.topics());
            }
            if (tag != null && (tag.isBlank() || tag.length() > 40)) {
                throw ApiProblem.invalidParameter("tag", "must be 1 to 40 characters");
            }
            if (status != null && !status.equals("published") && !status.equals("draft")) {
                throw ApiProblem.invalidParameter("status", "must be published or draft");
            }
            ArticleStore.Position after = cursor == null ? null : position(cursor);
            if ("draft".equals(status)) {
                return drafts(city, topic, tag, requestedLocale, caller, after, limit);
            }
            String locale = locale(requestedLocale);
            return cities.requireExists(city)
                    .thenMany(store.published(city, locale, settings.fallbackLocale(), topic, tag, after, limit + 1))
                    .collectList()
                    .map(found -> page(found, limit, Article::publishedAt));
        });
    }

    /** The drafts of a city, scheduled ones among them, most recently changed first; for its editors only. */
    private Mono<Page<ArticleView>> drafts(String city, String topic, String tag, String requestedLocale, Caller caller,
            ArticleStore.Position after, int limit) {
        if (!caller.authenticated()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "Drafts are shown to editors only; send a bearer token", List.of());
        }
        String locale = requestedLocale == null || requestedLocale.isBlank() ? null : locale(requestedLocale);
        return cities.requireExists(city)
                .then(caller.requireEditorOf(city))
                .thenMany(store.drafts(city, locale, topic, tag, after, limit + 1))
                .collectList()
                .map(found -> page(found, limit, Article::updatedAt));
    }

    private static Page<ArticleView> page(List<Found> found, int limit, Function<Article, Instant> sortedBy) {
        boolean more = found.size() > limit;
        List<Found> shown = more ? found.subList(0, limit) : found;
        Article last = shown.isEmpty() ? null : shown.get(shown.size() - 1).article();
        return new Page<>(shown.stream().map(f -> ArticleView.of(f.article(), f.translations())).toList(),
                more ? Cursor.encode(sortedBy.apply(last).toString(), last.id().toString()) : null);
    }

    /** The saved states of an article, newest first; for editors of its city only. */
    Mono<Page<RevisionView>> revisions(String city, String slug, String requestedLocale, Caller caller, int limit,
            String cursor) {
        return Mono.defer(() -> {
            if (!caller.authenticated()) {
                throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                        "Revisions are shown to editors only; send a bearer token", List.of());
            }
            Long before = cursor == null ? null : revisionCursor(cursor);
            return editable(city, slug, requestedLocale, caller)
                    .flatMap(found -> store.revisions(found.article().id(), before, limit + 1).collectList())
                    .map(revisions -> {
                        boolean more = revisions.size() > limit;
                        List<RevisionView> shown = more ? revisions.subList(0, limit) : revisions;
                        return new Page<>(shown,
                                more ? Cursor.encode(Long.toString(shown.get(shown.size() - 1).version())) : null);
                    });
        });
    }

    // ---- changes

    Mono<Found> create(String city, ArticleRequest request, Caller caller) {
        return Mono.defer(() -> {
            String locale = bodyLocale(request.locale(), settings.fallbackLocale());
            Content content = content(request);
            Instant publishAt = request.publishAt() == null ? null : request.publishAt().toInstant();
            return cities.requireExists(city)
                    .then(caller.requireEditorOf(city))
                    .then(slugFor(city, locale, request))
                    .flatMap(slug -> {
                        Article draft = Article.draft(UUID.randomUUID(), city, slug, locale, content, publishAt, now());
                        // read back inside the transaction: once it committed, the answer must not fail
                        return transactions.transactional(store.insert(draft)
                                        .then(store.addRevision(draft, "created", caller.subject()))
                                        .then(store.find(city, slug, locale)))
                                .doOnSuccess(found -> afterCommit("created", draft));
                    })
                    .onErrorMap(DuplicateKeyException.class, e -> slugTaken(request.slug()));
        });
    }

    Mono<Found> update(String city, String slug, String requestedLocale, ArticleRequest request,
            ServerHttpRequest http, Caller caller) {
        return editable(city, slug, requestedLocale, caller).flatMap(found -> {
            Article current = found.article();
            ETags.requireMatch(http, etag(current));
            if (request.slug() != null && !request.slug().equals(slug)) {
                throw ApiProblem.badRequest("The slug of an article cannot be changed",
                        new FieldError("slug", "must be '" + slug + "' or left out"));
            }
            if (request.locale() != null && !request.locale().equals(current.locale())) {
                throw ApiProblem.badRequest("The locale of an article cannot be changed",
                        new FieldError("locale", "must be '" + current.locale() + "' or left out"));
            }
            Content content = content(request);
            Instant publishAt = request.publishAt() == null ? null : request.publishAt().toInstant();
            return persist(current, current.revise(content, publishAt, now()), caller.subject());
        });
    }

    /** Publishes now, or schedules when {@code publishAt} lies ahead. */
    Mono<Found> publish(String city, String slug, String requestedLocale, PublicationRequest request,
            ServerHttpRequest http, Caller caller) {
        return editable(city, slug, requestedLocale, caller).flatMap(found -> {
            Article current = found.article();
            ETags.requireMatchIfSent(http, etag(current));
            Instant now = now();
            Instant at = request == null || request.publishAt() == null ? null : request.publishAt().toInstant();
            Change change;
            try {
                change = at == null || !at.isAfter(now) ? current.publish(now) : current.schedule(at, now);
            } catch (ArticleRuleViolated e) {
                throw ApiProblem.conflict(e.getMessage());
            }
            return persist(current, change, caller.subject());
        });
    }

    /** Takes a public article back to draft (withdrawing it) or cancels a schedule. */
    Mono<Found> unpublish(String city, String slug, String requestedLocale, ServerHttpRequest http, Caller caller) {
        return editable(city, slug, requestedLocale, caller).flatMap(found -> {
            ETags.requireMatchIfSent(http, etag(found.article()));
            return persist(found.article(), found.article().unpublish(now()), caller.subject());
        });
    }

    Mono<Void> delete(String city, String slug, String requestedLocale, ServerHttpRequest http, Caller caller) {
        return editable(city, slug, requestedLocale, caller).flatMap(found -> {
            ETags.requireMatchIfSent(http, etag(found.article()));
            return persist(found.article(), found.article().delete(now()), caller.subject());
        }).then();
    }

    /** Publishes every draft whose {@code publishAt} has come; answers how many it published. */
    Mono<Long> publishDue() {
        Instant now = now();
        return store.due(now, 500)
                .concatMap(id -> transactions.transactional(store.lockDue(id, now)
                                .flatMap(article -> persist(article, article.publish(now), SCHEDULER)))
                        .doOnNext(found -> meters.counter("stadtportal.content.publishing.scheduled").increment())
                        .onErrorResume(e -> {
                            log.warn("Could not publish scheduled article {}, will retry: {}", id, e.toString());
                            return Mono.empty();
                        }))
                .count();
    }

    Mono<Instant> nextDue() {
        return store.nextDue();
    }

    Mono<Long> countScheduled() {
        return store.countScheduled();
    }

    // ---- helpers

    private Mono<Found> editable(String city, String slug, String requestedLocale, Caller caller) {
        return Mono.defer(() -> {
            String locale = locale(requestedLocale);
            return cities.requireExists(city)
                    .then(caller.requireEditorOf(city))
                    .then(store.find(city, slug, locale))
                    .switchIfEmpty(Mono.error(() -> notFound(city, slug)));
        });
    }

    /**
     * Stores a decision: the row (if still at the version read), its revision and its events, in
     * one transaction; then the article as it is now, with its translations.
     */
    private Mono<Found> persist(Article current, Change change, String savedBy) {
        if (!change.changed()) {
            return store.find(current.city(), current.slug(), current.locale());
        }
        Article next = change.article();
        Mono<Boolean> write = change.deletes() ? store.delete(current) : store.update(next);
        Mono<Void> stored = write.flatMap(written -> {
            if (!written) {
                return Mono.error(ApiProblem.preconditionFailed("The article changed while this request was processed"));
            }
            Mono<Void> revision = change.deletes() ? Mono.empty() : store.addRevision(next, change.what(), savedBy);
            return revision.then(Flux.fromIterable(change.events()).concatMap(this::announce).then());
        });
        // read back inside the transaction: once it committed, the answer must not fail
        return transactions.transactional(stored
                        .then(change.deletes() ? Mono.<Found>empty() : store.find(next.city(), next.slug(), next.locale())))
                .doOnSuccess(found -> afterCommit(change.what(), next));
    }

    private Mono<Void> announce(ArticleEvent event) {
        Article article = event.article();
        if (event instanceof ArticleEvent.Published) {
            return store.find(article.city(), article.slug(), article.locale())
                    .map(Found::translations)
                    .defaultIfEmpty(List.of())
                    .map(translations -> (IntegrationEvent) new ArticlePublished(article.id().toString(),
                            article.version(), article.updatedAt(), snapshot(article, translations)))
                    .flatMap(outbox::append)
                    .doOnSuccess(done -> meters.counter("stadtportal.content.articles.events", "type", "published")
                            .increment());
        }
        return outbox.append(new ArticleWithdrawn(article.id().toString(), article.version(), article.updatedAt(),
                        article.city(), article.slug()))
                .doOnSuccess(done -> meters.counter("stadtportal.content.articles.events", "type", "withdrawn")
                        .increment());
    }

    private static ArticleSnapshot snapshot(Article article, List<String> translations) {
        Content content = article.content();
        return new ArticleSnapshot(article.id().toString(), article.city(), article.slug(), article.locale(),
                content.topic(), content.title(), content.subtitle(), content.summary(), content.body(), content.tags(),
                content.heroImage() == null ? null : new Image(content.heroImage().url(), content.heroImage().alt()),
                article.publishedAt(), article.updatedAt(), translations);
    }

    private Mono<String> slugFor(String city, String locale, ArticleRequest request) {
        if (request.slug() != null) {
            return store.find(city, request.slug(), locale)
                    .flatMap(taken -> Mono.<String>error(slugTaken(request.slug())))
                    .defaultIfEmpty(request.slug());
        }
        String base = Slugs.derive(request.title());
        return store.slugsLike(city, base).collect(Collectors.toSet()).map(taken -> Slugs.firstFree(base, taken));
    }

    private Content content(ArticleRequest request) {
        if (!settings.topics().contains(request.topic().strip())) {
            throw ApiProblem.badRequest("Unknown topic",
                    new FieldError("topic", "must be one of " + settings.topics()));
        }
        return request.content();
    }

    private String bodyLocale(String value, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (!settings.locales().contains(value)) {
            throw ApiProblem.badRequest("Unknown locale", new FieldError("locale", "must be one of " + settings.locales()));
        }
        return value;
    }

    private String locale(String requested) {
        if (requested == null || requested.isBlank()) {
            return settings.fallbackLocale();
        }
        if (!settings.locales().contains(requested)) {
            throw ApiProblem.invalidParameter("locale", "must be one of " + settings.locales());
        }
        return requested;
    }

    private static boolean visible(Article article, Caller caller) {
        return article.isPublished() || caller.isEditorOf(article.city());
    }

    private static ArticleStore.Position position(String cursor) {
        List<String> values = Cursor.decode(cursor, 2);
        try {
            return new ArticleStore.Position(Instant.parse(values.get(0)), UUID.fromString(values.get(1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ApiProblem.invalidParameter("cursor", "is not a cursor this list handed out");
        }
    }

    private static Long revisionCursor(String cursor) {
        try {
            return Long.valueOf(Cursor.decode(cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter("cursor", "is not a cursor this list handed out");
        }
    }

    private static ApiProblem notFound(String city, String slug) {
        return ApiProblem.notFound("There is no article '" + slug + "' in city '" + city + "'");
    }

    private static ApiProblem slugTaken(String slug) {
        if (slug == null) {
            return ApiProblem.conflict("Another article took the derived slug at the same moment; send the request again");
        }
        return ApiProblem.conflict("The slug is already taken in this city and locale",
                new FieldError("slug", "'" + slug + "' is taken"));
    }

    /**
     * What follows a committed change: the metric and the scheduler's wake-up. The change has
     * committed, so its answer is success whatever happens here; each step that fails is logged and
     * the next one still runs. Neither step waits or retries on the event loop.
     */
    private void afterCommit(String change, Article article) {
        guarded("count the change", () -> meters.counter("stadtportal.content.articles.changes", "change", change)
                .increment());
        if (article.publishAt() != null && !article.isPublished()) {
            guarded("wake the scheduler", () -> {
                FluxSink<Instant> sink = scheduleSink.get();
                if (sink != null) {
                    sink.next(article.publishAt());
                }
            });
        }
    }

    private static void guarded(String step, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("After a committed article change, could not {}: {}", step, e.toString());
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
