package de.stadtportal.web;

import de.stadtportal.web.problem.ApiProblem;
import java.util.Set;
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
 */
public class RequestSizeLimitFilter implements WebFilter, Ordered {

    public static final int LIMIT_BYTES = 256 * 1024;

    private static final Set<HttpMethod> CARRY_BODIES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long length = request.getHeaders().getContentLength();
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
}
