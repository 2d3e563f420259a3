package de.stadtportal.web.paging;

import de.stadtportal.web.problem.ApiProblem;

/** The {@code limit} query parameter of every list: 1 to 100, 20 when absent. */
public final class Limit {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private Limit() {
    }

    public static int parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter("limit", "must be a whole number from 1 to " + MAX);
        }
        if (value < 1 || value > MAX) {
            throw ApiProblem.invalidParameter("limit", "must be from 1 to " + MAX);
        }
        return value;
    }
}
