package de.stadtportal.portal.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The API's answers kept in memory as their {@code Cache-Control} allows a shared cache (see
 * {@link CacheDirectives}), keyed by the request URI and {@code Accept}: a list with
 * {@code max-age=30} is read again after 30 s, a single resource with an ETag and
 * {@code no-cache} is asked for with {@code If-None-Match} each time and its 304 answered from
 * here. Only a 200 is kept; an error, a refusal and a failed read never are. Reads of the same
 * key while one is under way wait for it rather than asking again (single flight); a failure is
 * not shared: whoever waited for a read that failed reads for itself.
 *
 * <p>What the portal sends besides URI and {@code Accept} is the visitor's address
 * ({@code X-Forwarded-For}, see {@link VisitorAddress}), which the gateway uses only to count
 * reads against the visitor's rate limit and which changes nothing in a public answer, so it is
 * not part of the key: an answer read for one visitor is shown to the next. An answer that says
 * it depends on another request header ({@code Vary}) is not kept, and a request with
 * credentials or a cookie passes by the cache.
 */
public final class ApiCache implements ExchangeFilterFunction {

    /** Request headers the portal's reads always send alike (or never), so an answer varying on them may be kept. */
    private static final Set<String> VARY_KEPT = Set.of("accept", "accept-encoding", "authorization");

    private final Cache<Key, Stored> answers;
    private final Map<Key, CompletableFuture<Answer>> reading = new ConcurrentHashMap<>();
    private final Ticker ticker;
    private final Duration keepForRevalidation;

    /**
     * @param maxBytes how many bytes of bodies to keep at most, the least used going first
     * @param keepForRevalidation how long an answer with an ETag is kept for a conditional read after it went stale
     * @param ticker the clock of freshness, in nanoseconds
     */
    public ApiCache(long maxBytes, Duration keepForRevalidation, Ticker ticker) {
        this.ticker = ticker;
        this.keepForRevalidation = keepForRevalidation;
        this.answers = Caffeine.newBuilder().ticker(ticker).executor(Runnable::run)
                .maximumWeight(maxBytes)
                .weigher((Key key, Stored stored) -> stored.answer().weight())
                .expireAfter(new Expiry<Key, Stored>() {
                    @Override
                    public long expireAfterCreate(Key key, Stored stored, long now) {
                        return stored.keptUntil() - now;
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Stored stored, long now, long current) {
                        return stored.keptUntil() - now;
                    }

                    @Override
                    public long expireAfterRead(Key key, Stored stored, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        if (!HttpMethod.GET.equals(request.method()) || request.headers().containsHeader(HttpHeaders.AUTHORIZATION)
                || request.headers().containsHeader(HttpHeaders.COOKIE) || !request.cookies().isEmpty()) {
            return next.exchange(request);
        }
        Key key = new Key(request.url(), String.join(", ", request.headers().getOrEmpty(HttpHeaders.ACCEPT)));
        Stored stored = answers.getIfPresent(key);
        if (stored != null && stored.freshAt(ticker.read())) {
            return Mono.just(stored.answer().response());
        }
        return shared(key, request, next, stored).map(Answer::response);
    }

    /** How many answers are kept just now (for tests and a look from outside). */
    public long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }

    private Mono<Answer> shared(Key key, ClientRequest request, ExchangeFunction next, Stored stale) {
        return Mono.deferContextual(context -> {
            CompletableFuture<Answer> mine = new CompletableFuture<>();
            CompletableFuture<Answer> running = reading.putIfAbsent(key, mine);
            if (running != null) {
                return Mono.fromFuture(running, true)
                        .flatMap(answer -> answer.failed() ? read(key, request, next, stale) : Mono.just(answer))
                        .onErrorResume(error -> read(key, request, next, stale));
            }
            mine.whenComplete((answer, error) -> reading.remove(key, mine));
            read(key, request, next, stale).contextWrite(context).subscribe(mine::complete, mine::completeExceptionally,
                    () -> mine.completeExceptionally(new IllegalStateException("no answer")));
            return Mono.fromFuture(mine, true);
        });
    }

    private Mono<Answer> read(Key key, ClientRequest request, ExchangeFunction next, Stored stale) {
        ClientRequest sent = stale == null || stale.etag() == null ? request
                : ClientRequest.from(request).header(HttpHeaders.IF_NONE_MATCH, stale.etag()).build();
        return Mono.defer(() -> {
            long asked = ticker.read();
            return next.exchange(sent).flatMap(response -> {
                if (stale != null && response.statusCode().value() == HttpStatus.NOT_MODIFIED.value()) {
                    HttpHeaders validated = response.headers().asHttpHeaders();
                    return response.releaseBody().then(Mono.fromSupplier(
                            () -> remember(key, stale.answer().revalidated(validated), asked)));
                }
                return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .map(body -> remember(key, Answer.of(response, body), asked));
            });
        });
    }

    private Answer remember(Key key, Answer answer, long asked) {
        Stored stored = answer.status().value() == HttpStatus.OK.value() ? answer.storable(asked, keepForRevalidation)
                : null;
        if (stored == null) {
            answers.invalidate(key);
        } else {
            answers.put(key, stored);
        }
        return answer;
    }

    private record Key(URI uri, String accept) {
    }

    /** An answer as it came, to be given again as a fresh {@link ClientResponse} to each reader. */
    record Answer(HttpStatusCode status, HttpHeaders headers, byte[] body, ExchangeStrategies strategies) {

        static Answer of(ClientResponse response, byte[] body) {
            HttpHeaders headers = new HttpHeaders();
            headers.addAll(response.headers().asHttpHeaders());
            headers.remove(HttpHeaders.CONTENT_LENGTH);
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            return new Answer(response.statusCode(), HttpHeaders.readOnlyHttpHeaders(headers), body, response.strategies());
        }

        /** A 5xx or a 429: the kind of answer that is the reader's bad luck, not the resource's state. */
        boolean failed() {
            return status.is5xxServerError() || status.value() == HttpStatus.TOO_MANY_REQUESTS.value();
        }

        ClientResponse response() {
            return ClientResponse.create(status, strategies).headers(kept -> kept.addAll(headers))
                    .body(Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))).build();
        }

        /** The stored answer with what a 304 says anew about it (RFC 9111 §4.3.4). */
        Answer revalidated(HttpHeaders validation) {
            HttpHeaders updated = new HttpHeaders();
            updated.addAll(headers);
            for (String name : List.of(HttpHeaders.CACHE_CONTROL, HttpHeaders.ETAG, HttpHeaders.EXPIRES, HttpHeaders.DATE,
                    HttpHeaders.VARY, HttpHeaders.AGE)) {
                if (validation.containsHeader(name)) {
                    updated.put(name, validation.getOrEmpty(name));
                } else if (name.equals(HttpHeaders.AGE)) {
                    updated.remove(name);
                }
            }
            return new Answer(status, HttpHeaders.readOnlyHttpHeaders(updated), body, strategies);
        }

        /** How it may be kept, read at {@code asked}: null when not at all. */
        Stored storable(long asked, Duration keepForRevalidation) {
            CacheDirectives directives = CacheDirectives.parse(headers.getOrEmpty(HttpHeaders.CACHE_CONTROL));
            if (!directives.storable() || !varyKept()) {
                return null;
            }
            long freshUntil = asked + Math.max(0, directives.freshFor().minusSeconds(age()).toNanos());
            String etag = headers.getETag();
            if (etag == null) {
                return freshUntil > asked ? new Stored(this, freshUntil, freshUntil, null) : null;
            }
            return new Stored(this, freshUntil, Math.max(freshUntil, asked + keepForRevalidation.toNanos()), etag);
        }

        private boolean varyKept() {
            return headers.getOrEmpty(HttpHeaders.VARY).stream().flatMap(line -> List.of(line.split(",")).stream())
                    .map(name -> name.trim().toLowerCase(Locale.ROOT)).filter(name -> !name.isEmpty())
                    .allMatch(VARY_KEPT::contains);
        }

        private long age() {
            String age = headers.getFirst(HttpHeaders.AGE);
            return age != null && !age.isEmpty() && age.length() < 10 && age.chars().allMatch(Character::isDigit)
                    ? Long.parseLong(age) : 0;
        }

        int weight() {
            return body.length + 512;
        }
    }

    /**
     * An answer kept: served as it is until {@code freshUntil}, after that only after the origin
     * confirmed its ETag, and dropped at {@code keptUntil} (all on the cache's ticker).
     */
    private record Stored(Answer answer, long freshUntil, long keptUntil, String etag) {

        boolean freshAt(long now) {
            return now - freshUntil < 0;
        }
    }
}
