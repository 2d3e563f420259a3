package de.stadtportal.portal.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A portal link with query parameters, each name and value form-encoded: the link carries what a
 * visitor typed (a {@code +}, an {@code &}, braces) back to the page exactly, and leaves out
 * parameters without a value.
 */
public final class QueryLink {

    private QueryLink() {
    }

    public static String of(String path, Map<String, ?> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null && !value.toString().isEmpty()) {
                query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return path + query;
    }
}
