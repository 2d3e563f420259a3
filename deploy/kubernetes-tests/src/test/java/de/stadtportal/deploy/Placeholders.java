package de.stadtportal.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds Spring's {@code ${NAME}} and {@code ${NAME:default}} placeholders whose name is an environment
 * variable (upper case), nested ones included ({@code ${REDIS_URL:redis://${REDIS_HOST:localhost}:…}}).
 * Property references such as {@code ${spring.application.name}} are not variables and are left out.
 */
final class Placeholders {

    private Placeholders() {
    }

    static Map<String, Optional<String>> in(String text) {
        Map<String, Optional<String>> found = new LinkedHashMap<>();
        int start = text.indexOf("${");
        while (start >= 0) {
            int end = closing(text, start + 2);
            if (end < 0) {
                break;
            }
            String body = text.substring(start + 2, end);
            int colon = body.indexOf(':');
            String name = colon < 0 ? body : body.substring(0, colon);
            if (name.matches("[A-Z][A-Z0-9_]*")) {
                found.put(name, colon < 0 ? Optional.empty() : Optional.of(body.substring(colon + 1)));
            }
            // nested placeholders in the default are variables too
            start = text.indexOf("${", start + 2);
        }
        return found;
    }

    private static int closing(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
