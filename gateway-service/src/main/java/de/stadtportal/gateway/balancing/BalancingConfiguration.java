package de.stadtportal.gateway.balancing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * Every load-balanced service gets its instances from {@link StaticInstancesConfiguration}; the
 * balancer itself is LoadBalancer's default, round robin from a random start.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = StaticInstancesConfiguration.class)
class BalancingConfiguration {
}
