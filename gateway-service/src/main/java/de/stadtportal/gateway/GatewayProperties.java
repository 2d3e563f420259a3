package de.stadtportal.gateway;

import de.stadtportal.gateway.ratelimit.domain.Allowance;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What an operator tunes at the edge, under {@code stadtportal.gateway}. Each backend URI is one
 * instance of that service, or several comma-separated ({@code CONTENT_URI=http://a:8081,http://b:8181});
 * the routes and the home aggregate reach them all through the load balancer ({@code balancing}),
 * so one setting moves both. {@code portalWebUri} is the city portal (portal-web), which gets every path
 * outside the API.
 *
 * <p>{@code trustedProxies} are the addresses and CIDR blocks of the proxies in front of the
 * gateway whose {@code forwardedHeader} is believed; none by default, so no client-written header
 * can choose the client address (see {@code edge.TrustedProxiesFilter}).
 */
@ConfigurationProperties("stadtportal.gateway")
public record GatewayProperties(
        @DefaultValue("http://localhost:8081") List<URI> contentUri,
        @DefaultValue("http://localhost:8082") List<URI> eventsUri,
        @DefaultValue("http://localhost:8083") List<URI> searchUri,
        @DefaultValue("http://localhost:8084") List<URI> portalWebUri,
        @DefaultValue Cors cors,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("x-forwarded-for") ForwardedHeader forwardedHeader,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Home home) {

    /** Which header the trusted proxies write: {@code X-Forwarded-For} (and -Proto), or RFC 7239 {@code Forwarded}. */
    public enum ForwardedHeader {
        X_FORWARDED_FOR, FORWARDED
    }

    /** Browser origins allowed to call the API; none by default, so a forgotten setting fails closed. */
    public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {
    }

    /**
     * Separate allowances for reads (GET, HEAD) and writes per client (defaults in
     * {@code application.yml}), where the buckets live, and how many clients the in-memory store
     * keeps before it forgets those whose buckets have filled up again.
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            Allowance reads,
            Allowance writes,
            @DefaultValue("memory") Store store,
            @DefaultValue("100000") int maxClients,
            @DefaultValue Redis redis) {

        /** {@code memory}: one gateway's own buckets; {@code redis}: buckets shared by all instances. */
        public enum Store {
            MEMORY, REDIS
        }

        /**
         * The Redis store (connection under Boot's {@code spring.data.redis.*}): keys are
         * {@code keyPrefix} + client, and a store that has not answered within {@code timeout}
         * lets the request pass.
         */
        public record Redis(
                @DefaultValue("stadtportal:ratelimit:") String keyPrefix,
                @DefaultValue("250ms") Duration timeout) {
        }
    }

    /** How long the home aggregate waits for each of its parts before serving without it. */
    public record Home(
            @DefaultValue("2s") Duration cityTimeout,
            @DefaultValue("2s") Duration highlightsTimeout,
            @DefaultValue("2s") Duration articlesTimeout,
            @DefaultValue("2s") Duration eventsTimeout) {
    }
}
