package de.stadtportal.gateway.balancing;

import de.stadtportal.gateway.GatewayProperties;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The configuration of each service's own balancer context (one per service name): its instances,
 * which are also the balancer's lifecycle listener (to leave out an instance that refused a
 * connection; declared as {@link StaticInstances} so the balancer finds both roles). Deliberately not
 * a {@code @Configuration}: component scanning must not put it in the gateway's main context, where
 * no service name is set.
 */
class StaticInstancesConfiguration {

    @Bean
    StaticInstances staticInstances(Environment environment, GatewayProperties properties) {
        String serviceId = environment.getRequiredProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        Backend backend = Backend.of(serviceId).orElseThrow(() -> new IllegalStateException(
                "the gateway balances only over its own backends, not over " + serviceId));
        return new StaticInstances(serviceId, backend.instances(properties));
    }
}
