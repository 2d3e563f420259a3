package de.stadtportal.portal.desk.api;

import java.util.List;

/**
 * An API refusal as its problem document said it ({@code application/problem+json}): the status, the
 * detail, and the fields it concerns, which the desk shows next to those fields.
 */
public record Refusal(int status, String title, String detail, List<FieldProblem> errors) {

    public Refusal {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One rejected field: its name in the API's body and why. */
    public record FieldProblem(String field, String message) {
    }

    public boolean stale() {
        return status == 412;
    }

    public boolean forbidden() {
        return status == 401 || status == 403;
    }

    public boolean notFound() {
        return status == 404;
    }
}
