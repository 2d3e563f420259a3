package de.stadtportal.contracts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

final class Checks {

    private Checks() {
    }

    static void requireEnvelope(String aggregateId, long version, Object occurredAt) {
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
    }

    static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** Keeps insertion order, which matters when facts are shown as a list. */
    static Map<String, String> orderedMapOf(Map<String, String> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
