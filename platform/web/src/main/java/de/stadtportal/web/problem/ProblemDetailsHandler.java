package de.stadtportal.web.problem;

import de.stadtportal.contracts.Unavailable;
import de.stadtportal.kernel.refusal.InvalidInput;
import de.stadtportal.kernel.refusal.LimitExceeded;
import de.stadtportal.kernel.refusal.NotFound;
import de.stadtportal.kernel.refusal.NotPermitted;
import de.stadtportal.kernel.refusal.Refusal;
import de.stadtportal.kernel.refusal.RuleBroken;
import de.stadtportal.kernel.refusal.SignInRequired;
import de.stadtportal.kernel.refusal.StaleVersion;
import de.stadtportal.kernel.refusal.UnknownReference;
import de.stadtportal.kernel.refusal.VersionRequired;
import de.stadtportal.web.RequestTrace;
import io.micrometer.tracing.Tracer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where errors become answers: every exception that reaches the web layer is written
 * as an RFC 9457 {@code application/problem+json} document with {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance} and, for bad input, the rejected {@code errors}.
 * Unexpected failures answer 500 with no detail and are logged; no stack trace leaves the service.
 */
public class ProblemDetailsHandler implements WebExceptionHandler, Ordered {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    private final JsonMapper json;
    private final Tracer tracer;

    public ProblemDetailsHandler(JsonMapper json) {
        this(json, null);
    }

    /** @param tracer the tracing library's, so that a logged failure names its request's trace; or {@code null} */
    public ProblemDetailsHandler(JsonMapper json, Tracer tracer) {
        this.json = json;
        this.tracer = tracer;
    }

    @Override
    public int getOrder() {
        // before Spring Boot's own error handler (-1)
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        ApiProblem problem = toProblem(error);
        if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE && !(error instanceof ApiProblem)) {
            RequestTrace.logged(tracer, exchange, () -> log.warn("Unavailable while answering {} {}: {}",
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error.toString()));
        } else if (problem.status().is5xxServerError() && !(error instanceof ApiProblem)) {
            RequestTrace.logged(tracer, exchange, () -> log.error("Unexpected failure answering {} {}",
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error));
        }
        return write(exchange, problem);
    }

    /** Writes a problem; also used by the security entry points. */
    public Mono<Void> write(ServerWebExchange exchange, ApiProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://stadtportal.de/problems/" + problem.status().value());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        body.put("instance", exchange.getRequest().getPath().value());
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(problem.status());
        if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE && response.getHeaders().getFirst("Retry-After") == null) {
            response.getHeaders().set("Retry-After", "5");
        }
        response.getHeaders().setContentType(PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }

    static ApiProblem toProblem(Throwable error) {
        if (error instanceof ApiProblem problem) {
            return problem;
        }
        if (error instanceof Refusal refusal) {
            return refused(refusal);
        }
        if (causedBy(error, DataBufferLimitException.class) != null) {
            return ApiProblem.payloadTooLarge(256 * 1024);
        }
        if (error instanceof WebExchangeBindException binding) {
            List<FieldError> errors = new ArrayList<>();
            binding.getFieldErrors().forEach(field -> errors.add(new FieldError(field.getField(),
                    field.getDefaultMessage())));
            binding.getGlobalErrors().forEach(global -> errors.add(new FieldError(global.getObjectName(),
                    global.getDefaultMessage())));
            return new ApiProblem(HttpStatus.BAD_REQUEST, "Validation failed",
                    "The request has " + errors.size() + " invalid field(s)", errors);
        }
        if (error instanceof ServerWebInputException input) {
            return inputProblem(input);
        }
        if (error instanceof AuthenticationException) {
            return new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", "A valid bearer token is required", List.of());
        }
        if (error instanceof AccessDeniedException) {
            return ApiProblem.forbidden("This token does not allow this request");
        }
        if (Unavailable.isCause(error)) {
            return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "A store this service needs is not reachable right now; try again shortly",
                    List.of());
        }
        if (error instanceof ErrorResponse response) {
            HttpStatusCode code = response.getStatusCode();
            HttpStatus status = HttpStatus.resolve(code.value());
            String detail = response.getBody().getDetail();
            return new ApiProblem(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status,
                    status == null ? "Error" : status.getReasonPhrase(),
                    detail == null ? (status == null ? "" : status.getReasonPhrase()) : detail, List.of());
        }
        return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error",
                "The request could not be completed; it has been logged", List.of());
    }

    /** The one mapping of the domain's refusals to statuses, for every service. */
    static ApiProblem refused(Refusal refusal) {
        FieldError[] errors = refusal.violations().stream()
                .map(violation -> new FieldError(violation.field(), violation.message()))
                .toArray(FieldError[]::new);
        String detail = refusal.detail();
        if (refusal instanceof InvalidInput) {
            return ApiProblem.badRequest(detail, errors);
        }
        if (refusal instanceof SignInRequired) {
            return new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", detail, List.of(errors));
        }
        if (refusal instanceof NotPermitted) {
            return ApiProblem.forbidden(detail);
        }
        if (refusal instanceof NotFound) {
            return ApiProblem.notFound(detail);
        }
        if (refusal instanceof RuleBroken) {
            return ApiProblem.conflict(detail, errors);
        }
        if (refusal instanceof StaleVersion) {
            return ApiProblem.preconditionFailed(detail);
        }
        if (refusal instanceof VersionRequired) {
            return ApiProblem.preconditionRequired(detail);
        }
        if (refusal instanceof LimitExceeded || refusal instanceof UnknownReference) {
            return ApiProblem.unprocessable(detail, errors);
        }
        throw new IllegalStateException("A refusal without a status: " + refusal.getClass().getName());
    }

    private static ApiProblem inputProblem(ServerWebInputException input) {
        if (input instanceof MissingRequestValueException missing) {
            return ApiProblem.badRequest("Missing " + missing.getLabel() + " '" + missing.getName() + "'",
                    new FieldError(missing.getName(), "is required"));
        }
        JacksonException jackson = causedBy(input, JacksonException.class);
        if (jackson instanceof StreamReadException && !(jackson instanceof tools.jackson.databind.DatabindException)) {
            return ApiProblem.badRequest("The request body is not well-formed JSON");
        }
        if (jackson != null) {
            String field = path(jackson);
            IllegalArgumentException invalid = causedBy(jackson, IllegalArgumentException.class);
            String original = jackson.getOriginalMessage();
            String message = original != null && original.startsWith("must ") ? original
                    : invalid != null && invalid.getMessage() != null ? invalid.getMessage()
                    : "has the wrong type or an invalid value";
            return ApiProblem.badRequest("The request body does not fit the expected shape",
                    new FieldError(field.isEmpty() ? "body" : field, message));
        }
        if (causedBy(input, DecodingException.class) != null) {
            return ApiProblem.badRequest("The request body could not be read");
        }
        if (input.getMethodParameter() != null && input.getMethodParameter().getParameterName() != null) {
            String name = input.getMethodParameter().getParameterName();
            return ApiProblem.invalidParameter(name, "has an invalid value");
        }
        String reason = input.getReason();
        return ApiProblem.badRequest(reason == null ? "The request could not be read" : reason);
    }

    private static String path(JacksonException error) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : error.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T causedBy(Throwable error, Class<T> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }
}
