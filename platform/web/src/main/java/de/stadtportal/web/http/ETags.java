package de.stadtportal.web.http;

import de.stadtportal.kernel.version.IfMatch;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;


/**
 * ETags on the wire: whether a client's {@code If-None-Match} already names the current tag (304),
 * and the tags of {@code If-Match}, handed to the application layer as an {@link IfMatch} that it
 * checks against the current state (428 when missing, 412 when stale). Tags themselves are made by
 * {@link de.stadtportal.kernel.version.EntityTags}.
 */
public final class ETags {

    private ETags() {
    }

    /** True when the client's {@code If-None-Match} already names this ETag. */
    public static boolean notModified(ServerHttpRequest request, String etag) {
        List<String> candidates = request.getHeaders().getOrEmpty(HttpHeaders.IF_NONE_MATCH);
        return candidates.stream().flatMap(value -> List.of(value.split(",")).stream())
                .map(String::trim)
                .anyMatch(candidate -> candidate.equals("*") || weakless(candidate).equals(etag));
    }

    /** The versions the client expects a change to meet, from its {@code If-Match} headers. */
    public static IfMatch ifMatch(ServerHttpRequest request) {
        return IfMatch.of(request.getHeaders().getOrEmpty(HttpHeaders.IF_MATCH));
    }

    private static String weakless(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
