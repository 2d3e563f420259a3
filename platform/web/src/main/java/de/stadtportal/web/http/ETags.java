package de.stadtportal.web.http;

import de.stadtportal.web.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * ETags and the preconditions built on them. A resource's ETag is derived from its version (and
 * whatever else changes the representation, such as the locale served), so clients can revalidate
 * with {@code If-None-Match} (304) and must prove with {@code If-Match} that they update what they
 * read (428 when missing, 412 when stale).
 */
public final class ETags {

    private ETags() {
    }

    public static String of(Object... parts) {
        StringBuilder tag = new StringBuilder("\"");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                tag.append('-');
            }
            tag.append(String.valueOf(parts[i]).replaceAll("[^A-Za-z0-9._:]", "_"));
        }
        return tag.append('"').toString();
    }

    /**
     * The ETag of a representation that has no version of its own, such as a feed of many
     * resources: a digest of exactly what is sent, so it changes exactly when the body does.
     */
    public static String ofContent(String kind, String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return of(kind, HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** True when the client's {@code If-None-Match} already names this ETag. */
    public static boolean notModified(ServerHttpRequest request, String etag) {
        List<String> candidates = request.getHeaders().getOrEmpty(HttpHeaders.IF_NONE_MATCH);
        return candidates.stream().flatMap(value -> List.of(value.split(",")).stream())
                .map(String::trim)
                .anyMatch(candidate -> candidate.equals("*") || weakless(candidate).equals(etag));
    }

    /** Passes when {@code If-Match} names the current ETag; otherwise a 428 or 412 problem. */
    public static void requireMatch(ServerHttpRequest request, String currentEtag) {
        List<String> candidates = request.getHeaders().getOrEmpty(HttpHeaders.IF_MATCH);
        if (candidates.isEmpty()) {
            throw ApiProblem.preconditionRequired("Send If-Match with the ETag you read, so no change is lost");
        }
        boolean matches = candidates.stream().flatMap(value -> List.of(value.split(",")).stream())
                .map(String::trim)
                .anyMatch(candidate -> candidate.equals("*") || weakless(candidate).equals(currentEtag));
        if (!matches) {
            throw ApiProblem.preconditionFailed("The resource changed since it was read; current ETag is "
                    + currentEtag);
        }
    }

    /**
     * For actions that may also be sent blind (publish, cancel, delete): checks {@code If-Match} only
     * when the client sent one, with the same 412 as {@link #requireMatch}.
     */
    public static void requireMatchIfSent(ServerHttpRequest request, String currentEtag) {
        if (!request.getHeaders().getOrEmpty(HttpHeaders.IF_MATCH).isEmpty()) {
            requireMatch(request, currentEtag);
        }
    }

    private static String weakless(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
