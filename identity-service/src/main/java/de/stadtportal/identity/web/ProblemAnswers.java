package de.stadtportal.identity.web;

import de.stadtportal.kernel.refusal.InvalidInput;
import de.stadtportal.kernel.refusal.NotFound;
import de.stadtportal.kernel.refusal.NotPermitted;
import de.stadtportal.kernel.refusal.Refusal;
import de.stadtportal.kernel.refusal.RuleBroken;
import de.stadtportal.kernel.refusal.SignInRequired;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals and unreadable bodies of the admin API as {@code application/problem+json}, in the same
 * shape as the platform's reactive {@code ProblemDetailsHandler} (type, title, status, detail,
 * instance, errors). The security entry points write their 401 and 403 through {@link #write}.
 */
@RestControllerAdvice(basePackages = "de.stadtportal.identity")
public class ProblemAnswers {

    private final JsonMapper json;

    public ProblemAnswers(JsonMapper json) {
        this.json = json;
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, Object>> refused(Refusal refusal, HttpServletRequest request) {
        HttpStatus status = status(refusal);
        return answer(status, refusal.detail(), request, refusal.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException error, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "The request body does not fit the expected shape", request,
                List.of(Map.of("field", "body", "message", "is not well-formed JSON of the expected shape")));
    }

    /** Writes a problem without Spring MVC, for the filters that refuse before a controller runs. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(body(status, detail, request, List.of())));
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String detail,
            HttpServletRequest request, List<Map<String, String>> errors) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(status, detail, request, errors));
    }

    private static Map<String, Object> body(HttpStatus status, String detail, HttpServletRequest request,
            List<Map<String, String>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://stadtportal.de/problems/" + status.value());
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return body;
    }

    private static HttpStatus status(Refusal refusal) {
        if (refusal instanceof InvalidInput) {
            return HttpStatus.BAD_REQUEST;
        }
        if (refusal instanceof SignInRequired) {
            return HttpStatus.UNAUTHORIZED;
        }
        if (refusal instanceof NotPermitted) {
            return HttpStatus.FORBIDDEN;
        }
        if (refusal instanceof NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        if (refusal instanceof RuleBroken) {
            return HttpStatus.CONFLICT;
        }
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }
}
