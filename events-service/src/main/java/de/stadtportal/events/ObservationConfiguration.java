package de.stadtportal.events;

import de.stadtportal.messaging.SampledStatementObservations;
import org.springframework.boot.r2dbc.autoconfigure.ProxyConnectionFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * What the service observes per statement: a {@code query} span and timer only in a sampled trace
 * ({@link SampledStatementObservations}), where a trace shows each statement of a write; none with
 * {@code stadtportal.events.statement-observations=false}. Observing every statement of every
 * request made spans that an unsampled trace throws away and a timer no dashboard reads.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

    @Bean
    @Order(1) // after Boot's customizer (order 0), whose listener it replaces
    ProxyConnectionFactoryCustomizer sampledStatementObservations(EventsProperties settings) {
        return SampledStatementObservations.customizer(settings.statementObservations());
    }
}
