package de.stadtportal.portal.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import de.stadtportal.portal.CacheSettings;
import de.stadtportal.portal.api.CacheDirectives;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rendered visitor pages kept for a few seconds ({@code stadtportal.portal.cache.page-ttl}, never
 * longer than the page's own {@code max-age}) and served to everybody who asks for the same page in
 * that time, so that a busy page is rendered, and its API reads made, once per few seconds rather
 * than once per visitor. Concurrent requests for a page not kept wait for one render; once a kept
 * page's seconds are over, the next request renders it anew and, while it does, the others get the
 * kept page (within the page's own max-age), so that only one visitor waits for a render.
 *
 * <p>Kept is only what is the same for every visitor: an anonymous GET (a HEAD is answered from
 * it) of a page outside the desk and its sign-in, without credentials or any cookie, answered 200
 * with a {@code public} {@code Cache-Control} that is not the short one of a page missing a part
 * ({@link Caching#DEGRADED}), setting no cookie and varying on nothing but {@code Accept} and
 * {@code Accept-Language}, which are part of the key with the path and query. An answer served from
 * here says its {@code Age}, so that a cache further out keeps it no longer than its max-age in all.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class PageCache implements WebFilter {

    private static final List<String> NEVER = List.of("/redaktion", "/login", "/oauth2", "/logout", "/actuator");
    private static final Set<String> VARY_KEPT = Set.of("accept", "accept-language", "accept-encoding");
    private static final Set<String> NOT_REPLAYED = Set.of(HttpHeaders.CONTENT_LENGTH.toLowerCase(Locale.ROOT),
            HttpHeaders.TRANSFER_ENCODING.toLowerCase(Locale.ROOT), HttpHeaders.DATE.toLowerCase(Locale.ROOT),
            HttpHeaders.CONNECTION.toLowerCase(Locale.ROOT), HttpHeaders.AGE.toLowerCase(Locale.ROOT));

    private final Duration ttl;
    private final Ticker ticker;
    private final Cache<Key, Page> pages;
    private final Map<Key, CompletableFuture<Page>> rendering = new ConcurrentHashMap<>();

    public PageCache(CacheSettings settings, Ticker ticker) {
        this.ttl = settings.pageTtl();
        this.ticker = ticker;
        this.pages = Caffeine.newBuilder().ticker(ticker).executor(Runnable::run)
                .maximumWeight(Math.max(1, settings.pageSize().toBytes()))
                .weigher((Key key, Page page) -> page.body().length + 1024)
                .expireAfter(new Expiry<Key, Page>() {
                    @Override
                    public long expireAfterCreate(Key key, Page page, long now) {
                        return page.expires() - now;
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Page page, long now, long current) {
                        return page.expires() - now;
                    }

                    @Override
                    public long expireAfterRead(Key key, Page page, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (ttl.isZero() || ttl.isNegative() || !anonymousVisitorRead(request)) {
            return chain.filter(exchange);
        }
        Key key = Key.of(request);
        Page kept = pages.getIfPresent(key);
        long now = ticker.read();
        if (kept != null && kept.freshAt(now)) {
            return kept.writeTo(exchange.getResponse(), now);
        }
        if (!HttpMethod.GET.equals(request.getMethod())) {
            return chain.filter(exchange);
        }
        CompletableFuture<Page> mine = new CompletableFuture<>();
        CompletableFuture<Page> running = rendering.putIfAbsent(key, mine);
        if (running != null) {
            if (kept != null) {
                return kept.writeTo(exchange.getResponse(), now);
            }
            return Mono.fromFuture(running, true).map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(rendered -> rendered.map(page -> page.writeTo(exchange.getResponse(), ticker.read()))
                            .orElseGet(() -> chain.filter(exchange)));
        }
        mine.whenComplete((page, error) -> rendering.remove(key, mine));
        Recorder recorder = new Recorder(exchange.getResponse(), written -> mine.complete(keep(key, written)));
        return chain.filter(exchange.mutate().response(recorder).build())
                .doFinally(signal -> mine.complete(null));
    }

    /** Whether the request is one any visitor could have made, with nothing of its own in it. */
    static boolean anonymousVisitorRead(ServerHttpRequest request) {
        if (!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())) {
            return false;
        }
        String path = request.getPath().pathWithinApplication().value();
        boolean desk = NEVER.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
        HttpHeaders headers = request.getHeaders();
        return !desk && !headers.containsHeader(HttpHeaders.AUTHORIZATION) && !headers.containsHeader(HttpHeaders.COOKIE)
                && request.getCookies().isEmpty() && !headers.containsHeader(HttpHeaders.IF_NONE_MATCH)
                && !headers.containsHeader(HttpHeaders.IF_MODIFIED_SINCE) && !headers.containsHeader(HttpHeaders.RANGE);
    }

    private Page keep(Key key, Recorder recorder) {
        ServerHttpResponse response = recorder.getDelegate();
        HttpHeaders headers = recorder.headers;
        HttpStatusCode status = response.getStatusCode();
        if (recorder.streamed || recorder.body == null || status != null && status.value() != HttpStatus.OK.value()
                || headers == null || headers.containsHeader(HttpHeaders.SET_COOKIE) || !response.getCookies().isEmpty()) {
            return null;
        }
        List<String> cacheControl = headers.getOrEmpty(HttpHeaders.CACHE_CONTROL);
        CacheDirectives directives = CacheDirectives.parse(cacheControl);
        Duration lifetime = directives.freshFor();
        if (!directives.isPublic() || lifetime.isZero() || cacheControl.contains(Caching.DEGRADED) || !varyKept(headers)) {
            return null;
        }
        long now = ticker.read();
        Page page = new Page(replayed(headers), recorder.body, now,
                now + (lifetime.compareTo(ttl) < 0 ? lifetime : ttl).toNanos(), now + lifetime.toNanos());
        pages.put(key, page);
        return page;
    }

    private static boolean varyKept(HttpHeaders headers) {
        return headers.getOrEmpty(HttpHeaders.VARY).stream().flatMap(line -> List.of(line.split(",")).stream())
                .map(name -> name.trim().toLowerCase(Locale.ROOT)).filter(name -> !name.isEmpty())
                .allMatch(VARY_KEPT::contains);
    }

    private static HttpHeaders replayed(HttpHeaders headers) {
        HttpHeaders kept = new HttpHeaders();
        headers.forEach((name, values) -> {
            if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                kept.addAll(name, values);
            }
        });
        return HttpHeaders.readOnlyHttpHeaders(kept);
    }

    /** A page is asked for by its path and query, in a representation and language. */
    private record Key(String pathAndQuery, String accept, String language) {

        static Key of(ServerHttpRequest request) {
            String query = request.getURI().getRawQuery();
            String path = request.getURI().getRawPath() + (query == null ? "" : "?" + query);
            HttpHeaders headers = request.getHeaders();
            return new Key(path, String.join(", ", headers.getOrEmpty(HttpHeaders.ACCEPT)),
                    String.join(", ", headers.getOrEmpty(HttpHeaders.ACCEPT_LANGUAGE)));
        }
    }

    /**
     * A rendered page: its headers as set by the page, its body, when it was rendered, until when it
     * is served as it is, and until when (its own max-age) it may still be served while the next
     * request renders it anew.
     */
    private record Page(HttpHeaders headers, byte[] body, long rendered, long freshUntil, long expires) {

        boolean freshAt(long now) {
            return now - freshUntil < 0;
        }

        Mono<Void> writeTo(ServerHttpResponse response, long now) {
            response.setStatusCode(HttpStatus.OK);
            response.getHeaders().addAll(headers);
            response.getHeaders().set(HttpHeaders.AGE,
                    Long.toString(TimeUnit.NANOSECONDS.toSeconds(Math.max(0, now - rendered))));
            return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
        }
    }

    /**
     * Passes the page on as it is written and keeps a copy of it, with the headers it had when written.
     * The copy is handed on once the body is complete and before it goes out, so that a page is kept,
     * and its age counted, from the moment it was rendered, not from when the visitor had it.
     */
    private static final class Recorder extends ServerHttpResponseDecorator {

        private final Consumer<Recorder> onWritten;
        private volatile byte[] body;
        private volatile HttpHeaders headers;
        private volatile boolean streamed;

        Recorder(ServerHttpResponse delegate, Consumer<Recorder> written) {
            super(delegate);
            this.onWritten = written;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> written) {
            return DataBufferUtils.join(Flux.from(written)).flatMap(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                HttpHeaders copy = new HttpHeaders();
                copy.addAll(getHeaders());
                headers = copy;
                body = bytes;
                onWritten.accept(this);
                return super.writeWith(Mono.fromSupplier(() -> bufferFactory().wrap(bytes)));
            }).switchIfEmpty(Mono.defer(() -> super.writeWith(Flux.empty())));
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> written) {
            streamed = true;
            return super.writeAndFlushWith(written);
        }
    }
}
