package de.stadtportal.content.media.application;

import de.stadtportal.content.ContentProperties;
import de.stadtportal.content.media.domain.Media;
import de.stadtportal.content.media.domain.MediaChange;
import de.stadtportal.content.media.domain.Renditions;
import de.stadtportal.content.media.persistence.MediaRepository;
import de.stadtportal.kernel.Caller;
import de.stadtportal.kernel.paging.Slice;
import de.stadtportal.kernel.refusal.LimitExceeded;
import de.stadtportal.kernel.refusal.NotFound;
import de.stadtportal.kernel.refusal.RuleBroken;
import de.stadtportal.kernel.refusal.StaleVersion;
import de.stadtportal.kernel.refusal.UnknownReference;
import de.stadtportal.kernel.refusal.Violation;
import de.stadtportal.messaging.outbox.Outbox;
import de.stadtportal.messaging.outbox.WholeWrites;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The media library's use cases. An upload is checked completely (size, signature, declared type,
 * pixel count, a full decode) before anything is written; then bytes, item and event commit in one
 * transaction. Bytes are stored once whatever the number of items naming them: within one city the
 * same bytes again answer the item the city already has (its description unchanged), another city
 * gets an item of its own, as its editors describe and credit it for their pages.
 * <p>
 * Renditions are made on first request and kept; two first requests at once may both make one, and
 * the first one kept wins, which costs a little work but never a wrong answer. Image work runs on
 * the bounded-elastic scheduler behind a semaphore of {@code render-concurrency} permits.
 */
@Service
public class MediaService implements KnownMedia {

    private final MediaRepository items;
    private final MediaStore store;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final Images images;
    private final Semaphore imageWork;
    private final long maxBytes;
    private final String publicBaseUrl;

    MediaService(MediaRepository items, MediaStore store, Outbox outbox, TransactionalOperator transactions,
            Clock clock, ContentProperties settings, @Value("${stadtportal.web.public-base-url}") String publicBaseUrl) {
        this.items = items;
        this.store = store;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.images = new Images(settings.media().maxPixels());
        this.imageWork = new Semaphore(settings.media().renderConcurrency());
        this.maxBytes = settings.media().maxFileSize().toBytes();
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    // ---- reads

    @Override
    public Mono<Map<UUID, Media>> find(Collection<UUID> ids) {
        return ids.isEmpty() ? Mono.just(Map.of()) : items.findAll(ids).collectMap(Media::id);
    }

    @Override
    public Mono<Void> requireKnown(UUID id, String field) {
        if (id == null) {
            return Mono.empty();
        }
        return items.find(id).switchIfEmpty(Mono.error(() -> new UnknownReference(
                "The image named does not exist in the media library", new Violation(field, "no media item " + id))))
                .then();
    }

    @Override
    public String address(UUID id) {
        return publicBaseUrl + "/api/media/" + id + "/" + Renditions.WIDTHS.get(0) + ".jpg";
    }

    public Mono<Media> read(UUID id) {
        return items.find(id).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    /** A page of the city's library, newest first (404 for a city that does not exist). */
    public Mono<Slice<Media>> list(MediaListQuery query) {
        MediaListQuery.After after = query.after();
        return requireCity(query.city())
                .thenMany(Flux.defer(() -> items.pageOfCity(query.city(), after == null ? null : after.createdAt(),
                        after == null ? null : after.id(), Slice.rowsFor(query.limit()))))
                .collect(Slice.toSlice(query.limit()));
    }

    /** The uploaded bytes as they came, GPS and all; for editors of the item's city only. */
    public Mono<byte[]> original(UUID id, Caller caller) {
        return Mono.fromCallable(() -> caller.requireSignedIn("The original is shown to editors only"))
                .then(read(id))
                .flatMap(media -> Mono.fromCallable(() -> caller.requireEditorOf(media.city()))
                        .then(store.original(media.sha256())));
    }

    /** A rendition, made now if this is the first time it is asked for. */
    public Mono<Rendition> rendition(RenditionQuery query) {
        return read(query.id()).flatMap(media -> {
            Renditions.requireOffered(query.width(), media.width());
            return store.rendition(media.sha256(), query.width(), query.format())
                    .switchIfEmpty(Mono.defer(() -> make(media, query)))
                    .map(bytes -> new Rendition(media.sha256(), query.width(), query.format(), bytes));
        });
    }

    private Mono<byte[]> make(Media media, RenditionQuery query) {
        int width = Renditions.pixelWidth(query.width(), media.width());
        int height = Renditions.pixelHeight(width, media.width(), media.height());
        return store.original(media.sha256())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("The bytes of " + media.id() + " are missing")))
                .flatMap(original -> imageWork(() -> images.render(original, media.format(), width, height,
                        query.format())))
                .flatMap(bytes -> store.putRendition(media.sha256(), query.width(), query.format(), bytes)
                        .then(store.rendition(media.sha256(), query.width(), query.format())));
    }

    // ---- changes

    /** Refuses a caller who may not upload into {@code city}, before the upload is read. */
    public Mono<Void> requireUploader(String city, Caller caller) {
        return requireCity(city).then(Mono.fromRunnable(() -> caller.requireEditorOf(city)));
    }

    private Mono<Void> requireCity(String city) {
        // the city is asked of its table, not of the city feature, which itself refers to media
        return items.cityExists(city).flatMap(exists -> exists ? Mono.<Void>empty()
                : Mono.error(new NotFound("There is no city '" + city + "'")));
    }

    public Mono<Uploaded> upload(UploadMedia command, Caller caller) {
        return Mono.defer(() -> {
            String city = command.city();
            return requireUploader(city, caller)
                    .then(Mono.fromCallable(command::description))
                    .flatMap(description -> Mono.fromRunnable(() -> requireSize(command.bytes()))
                            .then(imageWork(() -> images.probe(command.bytes(), command.declaredType())))
                            .map(probe -> Map.entry(probe, description)))
                    .flatMap(checked -> {
                        Images.Probe probe = checked.getKey();
                        String sha256 = sha256(command.bytes());
                        return items.findInCity(city, sha256)
                                .map(existing -> new Uploaded(existing, false))
                                .switchIfEmpty(Mono.defer(() -> {
                                    MediaChange change = Media.upload(UUID.randomUUID(), city, sha256, probe.format(),
                                            probe.width(), probe.height(), command.bytes().length,
                                            checked.getValue(), now());
                                    Media media = change.media();
                                    return WholeWrites.transaction(transactions, store.put(sha256, command.bytes())
                                                    .then(items.insert(media, caller.subject()))
                                                    .then(announce(change)))
                                            .thenReturn(new Uploaded(media, true))
                                            .onErrorResume(DuplicateKeyException.class, raced -> items
                                                    .findInCity(city, sha256).map(first -> new Uploaded(first, false)));
                                }));
                    });
        });
    }

    public Mono<Media> describe(DescribeMedia command, Caller caller) {
        return read(command.id()).flatMap(current -> {
            caller.requireEditorOf(current.city());
            command.ifMatch().require(current.entityTag());
            MediaChange change = current.describe(command.description(), now());
            if (!change.changed()) {
                return Mono.just(current);
            }
            return WholeWrites.transaction(transactions, items.update(change.media()).flatMap(written -> written
                    ? announce(change) : Mono.error(stale()))).thenReturn(change.media());
        });
    }

    /** Deletes an item nothing shows; one still referred to is refused with the list of who uses it. */
    public Mono<Void> delete(DeleteMedia command, Caller caller) {
        return read(command.id()).flatMap(current -> {
            caller.requireEditorOf(current.city());
            command.ifMatch().requireIfSent(current.entityTag());
            return items.usages(current.id()).collectList().flatMap(users -> {
                if (!users.isEmpty()) {
                    return Mono.error(inUse(users));
                }
                MediaChange change = current.remove(now());
                return WholeWrites.transaction(transactions, items.delete(current).flatMap(written -> written
                                ? announce(change).then(store.forgetIfUnused(current.sha256()))
                                : Mono.error(stale())))
                        .onErrorResume(DataIntegrityViolationException.class,
                                raced -> items.usages(current.id()).collectList().flatMap(
                                        now -> Mono.error(inUse(now))));
            });
        });
    }

    // ---- helpers

    private Mono<Void> announce(MediaChange change) {
        return Flux.fromIterable(change.events())
                .concatMap(event -> outbox.append(MediaIntegrationEvents.of(event)))
                .then();
    }

    /** Runs image work off the event loop, with at most {@code render-concurrency} at once. */
    private <T> Mono<T> imageWork(Callable<T> work) {
        return Mono.fromCallable(() -> {
            imageWork.acquire();
            try {
                return work.call();
            } finally {
                imageWork.release();
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private void requireSize(byte[] bytes) {
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
    }

    /** The refusal of a file over the size limit, also for the web layer that stops reading it. */
    public static LimitExceeded tooLarge(long maxBytes) {
        return new LimitExceeded("The file is larger than " + (maxBytes / (1024 * 1024)) + " MB",
                new Violation("file", "must be at most " + maxBytes + " bytes"));
    }

    /** The most bytes an upload may have. */
    public long maxBytes() {
        return maxBytes;
    }

    private static RuleBroken inUse(List<String> users) {
        return new RuleBroken("The image is still used by " + String.join(", ", users)
                + "; remove it there first", users.stream().map(user -> new Violation("usedBy", user)).toList());
    }

    private static StaleVersion stale() {
        return new StaleVersion("The media item changed while this request was processed");
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("There is no media item " + id);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
