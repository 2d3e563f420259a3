package de.stadtportal.gateway.home;

import de.stadtportal.gateway.GatewayProperties;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the home aggregate as a functional endpoint. Functional routes are matched before the
 * gateway's routes, so this path never reaches the content route that covers the rest of
 * {@code /api/cities/**}; the backend calls share the gateway's own HTTP client and its pool.
 */
@Configuration(proxyBeanMethods = false)
class HomeConfiguration {

    @Bean
    RouterFunction<ServerResponse> cityHomeRoute(HttpClient gatewayHttpClient, GatewayProperties properties,
            JsonMapper json, ReactiveCircuitBreakerFactory<?, ?> breakers) {
        WebClient http = WebClient.builder().clientConnector(new ReactorClientHttpConnector(gatewayHttpClient)).build();
        CityHomeHandler handler = new CityHomeHandler(http, properties, json, breakers);
        return RouterFunctions.route(RequestPredicates.GET("/api/cities/{city}/home"), handler::home);
    }
}
