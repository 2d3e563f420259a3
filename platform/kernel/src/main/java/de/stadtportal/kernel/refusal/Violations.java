package de.stadtportal.kernel.refusal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects what is wrong with an input and refuses once, with all of it ({@link InvalidInput}). */
public final class Violations {

    public static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private final List<Violation> found = new ArrayList<>();

    public Violations require(boolean ok, String field, String message) {
        if (!ok) {
            found.add(new Violation(field, message));
        }
        return this;
    }

    public Violations text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            found.add(new Violation(field, "must not be blank"));
        } else if (value.length() > maxLength) {
            found.add(new Violation(field, "must be at most " + maxLength + " characters"));
        }
        return this;
    }

    public Violations slug(String value, String field) {
        return require(value != null && value.length() <= 120 && SLUG.matcher(value).matches(), field,
                "must be a lower-case slug like 'bochum'");
    }

    public Violations labels(List<String> values, String field) {
        for (int i = 0; i < values.size(); i++) {
            require(values.get(i) != null && !values.get(i).isBlank(), field + "[" + i + "]", "must not be blank");
        }
        return this;
    }

    /** Absent is fine; present must be an absolute http(s) URL. */
    public Violations optionalUrl(String value, String field) {
        if (value != null) {
            require(isWebUrl(value), field, "must be an absolute http or https URL");
        }
        return this;
    }

    public Violations add(String field, String message) {
        found.add(new Violation(field, message));
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInput("The request has " + found.size() + " invalid field(s)", found);
        }
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
