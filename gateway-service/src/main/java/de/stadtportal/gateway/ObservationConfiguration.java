package de.stadtportal.gateway;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * What the gateway observes per request: {@code http.server.requests} and
 * {@code spring.cloud.gateway.requests} (see {@code application.yml}), not every step of Spring
 * Security. Left on, Security wraps each filter of its chain and the authorization decision in an
 * observation of its own, each with a timer and an active-requests gauge: about ten observations per
 * request, a sizeable share of the gateway's CPU per proxied read (JFR) for metrics nobody reads.
 * {@code stadtportal.gateway.observations.security=true} turns them back on for a diagnosis.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

    @Bean
    @ConditionalOnProperty(name = "stadtportal.gateway.observations.security", havingValue = "false",
            matchIfMissing = true)
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
