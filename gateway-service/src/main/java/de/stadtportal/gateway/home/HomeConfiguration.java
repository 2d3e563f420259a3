package de.stadtportal.gateway.home;

import de.stadtportal.gateway.GatewayProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.RouterOperation;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the home aggregate as a functional endpoint. Functional routes are matched before the
 * gateway's routes, so this path never reaches the content route that covers the rest of
 * {@code /api/cities/**}; the backend calls share the gateway's own HTTP client and its pool, and
 * go through the load balancer like the routes.
 */
@Configuration(proxyBeanMethods = false)
class HomeConfiguration {

    @Bean
    // the handler is no bean: the operation is described here in full
    @RouterOperation(path = "/api/cities/{city}/home", method = RequestMethod.GET,
            operation = @Operation(operationId = "cityHome",
                    summary = "A city's home screen in one call: portrait, highlights, articles and events",
                    description = "Served by the gateway itself from four calls to the services made at once.",
                    parameters = @io.swagger.v3.oas.annotations.Parameter(name = "city",
                            in = io.swagger.v3.oas.annotations.enums.ParameterIn.PATH, required = true,
                            description = "A city slug", schema = @Schema(type = "string")),
                    responses = {
                            @ApiResponse(responseCode = "200", description = "The home, possibly partial",
                                    content = @Content(mediaType = "application/json",
                                            schema = @Schema(implementation = CityHomeDocument.class))),
                            @ApiResponse(responseCode = "304",
                                    description = "Not modified: If-None-Match names the current ETag")}))
    RouterFunction<ServerResponse> cityHomeRoute(HttpClient gatewayHttpClient, GatewayProperties properties,
            JsonMapper json, ReactiveCircuitBreakerFactory<?, ?> breakers, ObjectProvider<ObservationRegistry> observations,
            LoadBalancedExchangeFilterFunction balancer) {
        WebClient http = WebClient.builder().clientConnector(new ReactorClientHttpConnector(gatewayHttpClient))
                // each call goes to one instance of the service, a failed read once more to another
                .filter(balancer)
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
                // a name of its own: the proxied calls' http.client.requests carry other tags, and Prometheus
                // takes one set of tag keys per name
                .observationConvention(new DefaultClientRequestObservationConvention("stadtportal.gateway.home.calls"))
                .build();
        CityHomeHandler handler = new CityHomeHandler(http, properties, json, breakers);
        return RouterFunctions.route(RequestPredicates.GET("/api/cities/{city}/home"), handler::home);
    }
}
