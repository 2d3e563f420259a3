package de.stadtportal.portal.page;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A missing page and a page that cannot be made both keep the site's frame for people:
 * this handler sets the caching of the answer and leaves the rendering to Boot's error handler,
 * which shows {@code templates/error/404.html} or {@code 503.html}. A client that does not read
 * HTML (it asks for JSON only, as the platform's API clients do) gets an RFC 9457 problem
 * document instead, like every other error of the platform.
 */
@Component
@Order(-2)
public class ErrorPages implements WebExceptionHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status = error instanceof ResponseStatusException refusal ? refusal.getStatusCode()
                : HttpStatusCode.valueOf(500);
        exchange.getResponse().getHeaders().setCacheControl(status.value() == 404 ? Caching.NOT_FOUND : Caching.NEVER);
        if (readsHtml(exchange.getRequest().getHeaders().getAccept())) {
            return Mono.error(error);
        }
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String title = status.value() == 404 ? "Not Found" : status.value() == 503 ? "Service Unavailable" : "Error";
        String problem = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"instance\":\"" + json(exchange.getRequest().getPath().value()) + "\"}";
        DataBuffer body = exchange.getResponse().bufferFactory().wrap(problem.getBytes(StandardCharsets.UTF_8));
        return exchange.getResponse().writeWith(Mono.just(body));
    }

    /** A browser asks for HTML or anything; a client that names only other types does not read HTML. */
    static boolean readsHtml(List<MediaType> accepted) {
        return accepted.isEmpty() || accepted.stream().anyMatch(type -> type.includes(MediaType.TEXT_HTML));
    }

    private static String json(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
