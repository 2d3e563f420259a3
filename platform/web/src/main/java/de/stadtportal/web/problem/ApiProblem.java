package de.stadtportal.web.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An error the API answers on purpose, rendered as {@code application/problem+json}. Application
 * code throws these (or returns them as errors of a {@code Mono}); nothing else needs to know
 * how problems are written.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem badRequest(String detail, FieldError... errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Bad request", detail, List.of(errors));
    }

    public static ApiProblem invalidParameter(String parameter, String message) {
        return badRequest("Invalid query parameter '" + parameter + "'", new FieldError(parameter, message));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
    }

    public static ApiProblem conflict(String detail, FieldError... errors) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail, List.of(errors));
    }

    public static ApiProblem unprocessable(String detail, FieldError... errors) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable content", detail, List.of(errors));
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", detail, List.of());
    }

    public static ApiProblem preconditionFailed(String detail) {
        return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "Precondition failed", detail, List.of());
    }

    public static ApiProblem preconditionRequired(String detail) {
        return new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "Precondition required", detail, List.of());
    }

    public static ApiProblem payloadTooLarge(long limitBytes) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "Content too large",
                "Request bodies are limited to " + (limitBytes / 1024) + " KiB", List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
