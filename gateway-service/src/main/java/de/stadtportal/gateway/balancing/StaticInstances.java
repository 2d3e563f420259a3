package de.stadtportal.gateway.balancing;

import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
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
 * them died goes to the other, whatever other requests did in between.
 * <p>
 * No health checks (the management port that answers them is not the address routed to); instead
 * an instance that refused a connection or let a request run into its route's timeout is left out
 * for {@link #EJECTION}, as the balancer's lifecycle reports it. A refused connection means the
 * instance is down or restarting; a timeout, that it cannot answer now (a JVM just restarted and
 * still cold under load, a stall). Meanwhile the writes that would meet it (never retried) go to the
 * others, and the reads that would pile up on it do not drag the service's breaker open: one
 * instance's trouble stays that instance's. A slow answer within the timeout leaves an instance in:
 * busy is not dead. When every instance is left out, all are offered again.
 * <p>
 * A retry is never offered the instance that was left out for failing it: with one instance, a read
 * that timed out or was refused gets no second try (the balancer finds no instance, the breaker's
 * fallback answers 503), so a backend in trouble is not sent each read three times.
 */
final class StaticInstances implements ServiceInstanceListSupplier, LoadBalancerLifecycle<Object, Object, ServiceInstance> {

    /** How long an instance that refused a connection or timed out is left out; it is tried again after this. */
    static final Duration EJECTION = Duration.ofSeconds(5);

    /** Failures that say the instance cannot answer now, rather than that it answered badly. */
    private static final List<Class<? extends Throwable>> UNREACHABLE = List.of(ConnectException.class,
            org.springframework.cloud.gateway.support.TimeoutException.class, java.util.concurrent.TimeoutException.class,
            io.netty.handler.timeout.TimeoutException.class);

    private static final Logger log = LoggerFactory.getLogger(StaticInstances.class);

    private final String serviceId;
    private final List<ServiceInstance> instances;
    private final Map<String, Instant> ejectedUntil = new ConcurrentHashMap<>();
    private final Clock clock;

    StaticInstances(String serviceId, List<URI> uris) {
        this(serviceId, uris, Clock.systemUTC());
    }

    StaticInstances(String serviceId, List<URI> uris, Clock clock) {
        this.clock = clock;
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
        return Flux.just(available());
    }

    @Override
    public Flux<List<ServiceInstance>> get(Request request) {
        List<ServiceInstance> available = available();
        Optional<ServiceInstance> failed = previousChoice(request.getContext());
        if (failed.isEmpty()) {
            return Flux.just(available);
        }
        List<ServiceInstance> others = othersThan(failed.get(), available);
        if (others.isEmpty()) {
            // every other instance is left out too: trying one of them beats giving up
            others = othersThan(failed.get(), instances);
        }
        if (!others.isEmpty()) {
            return Flux.just(others);
        }
        return Flux.just(leftOut(failed.get()) ? List.of() : instances);
    }

    @Override
    public void onStart(Request<Object> request) {
    }

    @Override
    public void onStartRequest(Request<Object> request, Response<ServiceInstance> response) {
    }

    /** An instance that refused the connection or did not answer in time is left out for {@link #EJECTION}. */
    @Override
    public void onComplete(CompletionContext<Object, ServiceInstance, Object> completion) {
        Response<ServiceInstance> chosen = completion.getLoadBalancerResponse();
        if (completion.status() == CompletionContext.Status.FAILED && unreachable(completion.getThrowable())
                && chosen != null && chosen.hasServer()) {
            String instance = chosen.getServer().getInstanceId();
            Instant until = clock.instant().plus(EJECTION);
            Instant before = ejectedUntil.put(instance, until);
            if (before == null || !before.isAfter(clock.instant())) {
                log.warn("{} left out for {} s: {}", instance, EJECTION.toSeconds(), completion.getThrowable().toString());
            }
        }
    }

    /** Whether an instance is left out now. */
    boolean leftOut(ServiceInstance instance) {
        Instant until = ejectedUntil.get(instance.getInstanceId());
        return until != null && until.isAfter(clock.instant());
    }

    private List<ServiceInstance> available() {
        if (ejectedUntil.isEmpty() || instances.size() == 1) {
            return instances;
        }
        Instant now = clock.instant();
        ejectedUntil.values().removeIf(until -> !until.isAfter(now));
        List<ServiceInstance> left = instances.stream()
                .filter(instance -> !ejectedUntil.containsKey(instance.getInstanceId())).toList();
        return left.isEmpty() ? instances : left;
    }

    /**
     * A refused connection, or the route's response timeout (the gateway's own {@code TimeoutException},
     * the cause of its 504) or a client-side one (Reactor's, Netty's read timeout).
     */
    private static boolean unreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            Throwable failure = cause;
            if (UNREACHABLE.stream().anyMatch(type -> type.isInstance(failure))) {
                return true;
            }
        }
        return false;
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

    private static List<ServiceInstance> othersThan(ServiceInstance failed, List<ServiceInstance> candidates) {
        return candidates.stream().filter(instance -> !sameAddress(instance, failed)).toList();
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
