package de.stadtportal.gateway.balancing;

import de.stadtportal.gateway.GatewayProperties;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The services behind the gateway, each by the name its routes and the home aggregate call it
 * ({@code lb://content-service}, {@code http://content-service/…} through the load balancer), and
 * where its instances are.
 */
public enum Backend {
    CONTENT("content-service"),
    EVENTS("events-service"),
    SEARCH("search-service"),
    PORTAL_WEB("portal-web");

    private final String serviceId;

    Backend(String serviceId) {
        this.serviceId = serviceId;
    }

    public String serviceId() {
        return serviceId;
    }

    /** The base URI a load-balanced client calls: the service's name in place of a host. */
    public URI balancedUri() {
        return URI.create("http://" + serviceId);
    }

    /** The configured instances of this service, in the order given. */
    public List<URI> instances(GatewayProperties properties) {
        switch (this) {
            case CONTENT:
                return properties.contentUri();
            case EVENTS:
                return properties.eventsUri();
            case SEARCH:
                return properties.searchUri();
            default:
                return properties.portalWebUri();
        }
    }

    static Optional<Backend> of(String serviceId) {
        return Arrays.stream(values()).filter(backend -> backend.serviceId.equals(serviceId)).findFirst();
    }
}
