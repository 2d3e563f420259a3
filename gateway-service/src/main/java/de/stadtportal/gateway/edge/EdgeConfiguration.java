package de.stadtportal.gateway.edge;

import de.stadtportal.gateway.GatewayProperties;
import de.stadtportal.gateway.edge.domain.TrustedProxies;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EdgeConfiguration.class);

    /**
     * The backend's parent is the gateway's server span, unless the library makes a client span per
     * proxied call (off by default) and sends that one.
     */
    @Bean
    CorrelationFilter correlationFilter(
            @Value("${spring.cloud.gateway.server.webflux.observability.enabled:true}") boolean clientSpans) {
        return new CorrelationFilter(!clientSpans);
    }

    /**
     * The client behind the proxies the operator trusts ({@code stadtportal.gateway.trusted-proxies});
     * an entry that is no address or CIDR block stops the gateway from starting.
     */
    @Bean
    TrustedProxiesFilter trustedProxiesFilter(GatewayProperties properties) {
        TrustedProxies trusted = TrustedProxies.of(properties.trustedProxies());
        if (!trusted.ranges().isEmpty()) {
            log.info("Believing {} from the trusted proxies {} only", properties.forwardedHeader(), trusted.ranges());
        }
        return new TrustedProxiesFilter(trusted, properties.forwardedHeader());
    }

    @Bean
    SecurityHeadersFilter securityHeadersFilter() {
        return new SecurityHeadersFilter();
    }

    /**
     * CORS for the configured web origins only; a preflight is answered here, before the token
     * check, and a foreign origin gets 403. Runs as a web filter rather than the gateway's global
     * CORS so that the home aggregate and the API docs are covered by the same rule.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 5)
    CorsWebFilter corsWebFilter(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.copyOf(properties.cors().allowedOrigins()));
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH,
                HttpHeaders.IF_NONE_MATCH, HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, "traceparent",
                CorrelationFilter.REQUEST_ID));
        cors.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "traceparent",
                CorrelationFilter.REQUEST_ID));
        cors.setAllowCredentials(false);
        cors.setMaxAge(properties.cors().maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        source.registerCorsConfiguration("/v3/api-docs/**", cors);
        return new CorsWebFilter(source);
    }
}
