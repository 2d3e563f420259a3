package de.stadtportal.web;

import de.stadtportal.web.problem.ApiProblem;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bounds every request body to {@value #LIMIT_BYTES} bytes, answering 413 otherwise.
 * <p>
 * A declared length over the limit is refused before anything is read. A chunked body of a POST,
 * PUT or PATCH is read here, up to the limit, before the handler runs: a handler that never reads its
 * body (an admin action, say) would otherwise act on a request of any size, and the connection would
 * be drained after the fact. Such a body is at most the limit in memory, which the JSON codecs would
 * hold anyway. Other methods carry no body any handler reads; theirs are left to the server to drain.
 * <p>
 * Upload paths (configured, none by default) take bodies up to a larger limit of their own. Those
 * are not read ahead, as a whole upload in memory is what the limit is there to prevent: their body
 * is counted while the handler reads it and cut off with the same 413 once it passes the limit.
 */
public class RequestSizeLimitFilter implements WebFilter, Ordered {

    public static final int LIMIT_BYTES = 256 * 1024;

    private static final Set<HttpMethod> CARRY_BODIES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final List<PathPattern> uploadPaths;
    private final long uploadLimit;

    public RequestSizeLimitFilter() {
        this(List.of(), LIMIT_BYTES);
    }

    public RequestSizeLimitFilter(List<String> uploadPaths, long uploadLimit) {
        this.uploadPaths = uploadPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.uploadLimit = uploadLimit;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long length = request.getHeaders().getContentLength();
        if (isUpload(request)) {
            return length > uploadLimit ? Mono.error(ApiProblem.payloadTooLarge(uploadLimit))
                    : chain.filter(exchange.mutate().request(new CountedBody(request, uploadLimit)).build());
        }
        if (length > LIMIT_BYTES) {
            return Mono.error(ApiProblem.payloadTooLarge(LIMIT_BYTES));
        }
        if (length >= 0 || !CARRY_BODIES.contains(request.getMethod())
                || request.getHeaders().getFirst(HttpHeaders.TRANSFER_ENCODING) == null) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), LIMIT_BYTES)
                .onErrorMap(DataBufferLimitException.class, tooLarge -> ApiProblem.payloadTooLarge(LIMIT_BYTES))
                .map(RequestSizeLimitFilter::bytesOf)
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> chain.filter(exchange.mutate().request(new ReadBody(exchange, bytes)).build()));
    }

    private boolean isUpload(ServerHttpRequest request) {
        return !uploadPaths.isEmpty() && CARRY_BODIES.contains(request.getMethod())
                && uploadPaths.stream().anyMatch(pattern -> pattern.matches(request.getPath().pathWithinApplication()));
    }

    private static byte[] bytesOf(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The request with the body this filter has read already, handed out afresh to each reader. */
    private static final class ReadBody extends ServerHttpRequestDecorator {

        private final ServerWebExchange exchange;
        private final byte[] body;

        ReadBody(ServerWebExchange exchange, byte[] body) {
            super(exchange.getRequest());
            this.exchange = exchange;
            this.body = body;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return body.length == 0 ? Flux.empty()
                    : Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
        }
    }

    /** An upload's body, passed on as it arrives and cut off once it carried more than the limit. */
    private static final class CountedBody extends ServerHttpRequestDecorator {

        private final long limit;

        CountedBody(ServerHttpRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(ApiProblem.payloadTooLarge(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            });
        }
    }
}
