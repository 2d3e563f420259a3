package de.stadtportal.gateway.balancing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.client.loadbalancer.RetryableRequestContext;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * A service's instances as configured, a fixed list. A retry of the same request is offered every
 * instance but the one that just failed it (the gateway keeps its last choice in the exchange, a
 * load-balanced WebClient in its retry context), so with two instances a read retried after one of
 * them died goes to the other, whatever other requests did in between. No health checks: the
 * management port that answers them is not the address routed to, and the retry covers the gap.
 */
final class StaticInstances implements ServiceInstanceListSupplier {

    private final String serviceId;
    private final List<ServiceInstance> instances;

    StaticInstances(String serviceId, List<URI> uris) {
        if (uris.isEmpty()) {
            throw new IllegalStateException(serviceId + " has no instance: set its URI (stadtportal.gateway.*-uri)");
        }
        this.serviceId = serviceId;
        this.instances = uris.stream().map(uri -> instance(serviceId, uri)).toList();
    }

    @Override
    public String getServiceId() {
        return serviceId;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return Flux.just(instances);
    }

    @Override
    public Flux<List<ServiceInstance>> get(Request request) {
        Optional<ServiceInstance> failed = previousChoice(request.getContext());
        if (failed.isEmpty() || instances.size() == 1) {
            return get();
        }
        List<ServiceInstance> others = instances.stream().filter(instance -> !sameAddress(instance, failed.get()))
                .toList();
        return Flux.just(others.isEmpty() ? instances : others);
    }

    private static Optional<ServiceInstance> previousChoice(Object context) {
        if (context instanceof RetryableRequestContext) {
            ServiceInstance previous = ((RetryableRequestContext) context).getPreviousServiceInstance();
            if (previous != null) {
                return Optional.of(previous);
            }
        }
        if (context instanceof RequestDataContext && ((RequestDataContext) context).getClientRequest() != null) {
            Map<String, Object> attributes = ((RequestDataContext) context).getClientRequest().getAttributes();
            Object chosen = attributes == null ? null
                    : attributes.get(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
            if (chosen instanceof Response && ((Response<?>) chosen).getServer() instanceof ServiceInstance) {
                return Optional.of((ServiceInstance) ((Response<?>) chosen).getServer());
            }
        }
        return Optional.empty();
    }

    private static boolean sameAddress(ServiceInstance one, ServiceInstance other) {
        return one.getHost().equals(other.getHost()) && one.getPort() == other.getPort();
    }

    private static ServiceInstance instance(String serviceId, URI uri) {
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(serviceId + "@" + uri.getHost() + ":" + port, serviceId, uri.getHost(), port,
                secure);
    }
}
