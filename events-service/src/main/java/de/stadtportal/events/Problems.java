package de.stadtportal.events;

import de.stadtportal.events.domain.InvalidInput;
import de.stadtportal.events.domain.LimitExceeded;
import de.stadtportal.events.domain.RuleBroken;
import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.problem.FieldError;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Turns the domain's refusals into the platform's problems, in one place: bad input is 400 with a
 * field error per violation, input over one of the service's limits (a recurrence with too many
 * starts) is 422 with a field error per limit, a broken lifecycle rule is 409. The platform's problem handler writes them.
 */
@Component
class Problems implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).onErrorMap(Problems::isDomainRefusal, Problems::toProblem);
    }

    private static boolean isDomainRefusal(Throwable error) {
        return error instanceof InvalidInput || error instanceof LimitExceeded || error instanceof RuleBroken;
    }

    static ApiProblem toProblem(Throwable error) {
        if (error instanceof InvalidInput invalid) {
            List<FieldError> errors = invalid.violations().stream()
                    .map(violation -> new FieldError(violation.field(), violation.message()))
                    .toList();
            return new ApiProblem(HttpStatus.BAD_REQUEST, "Validation failed",
                    "The request has " + errors.size() + " invalid field(s)", errors);
        }
        if (error instanceof LimitExceeded over) {
            return ApiProblem.unprocessable("The request asks for more than the service does",
                    over.violations().stream()
                            .map(violation -> new FieldError(violation.field(), violation.message()))
                            .toArray(FieldError[]::new));
        }
        return ApiProblem.conflict(error.getMessage());
    }
}
