package de.stadtportal.web;

import de.stadtportal.web.json.StrictInput;
import de.stadtportal.web.problem.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses query parameters that carry text no store can keep (NUL, unpaired surrogates) with a 400
 * naming the parameter, instead of letting the database fail on them later.
 */
public class UnstorableTextFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        for (Map.Entry<String, List<String>> parameter : exchange.getRequest().getQueryParams().entrySet()) {
            for (String value : parameter.getValue()) {
                String problem = value == null ? null : StrictInput.problemWith(value);
                if (problem == null) {
                    problem = StrictInput.problemWith(parameter.getKey());
                }
                if (problem != null) {
                    return Mono.error(ApiProblem.invalidParameter(parameter.getKey(), problem));
                }
            }
        }
        return chain.filter(exchange);
    }
}
