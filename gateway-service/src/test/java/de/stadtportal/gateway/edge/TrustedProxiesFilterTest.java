package de.stadtportal.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.gateway.GatewayProperties.ForwardedHeader;
import de.stadtportal.gateway.edge.domain.TrustedProxies;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class TrustedProxiesFilterTest {

    private static final TrustedProxies PROXY = TrustedProxies.of(List.of("10.0.0.0/8"));

    @Test
    void from_a_trusted_proxy_the_request_comes_from_the_client_it_names_and_with_its_scheme() {
        ServerHttpRequest seen = filtered(ForwardedHeader.X_FORWARDED_FOR, "10.0.0.2", request -> request
                .header("X-Forwarded-For", "6.6.6.6, 198.51.100.1")
                .header("X-Forwarded-Proto", "https"));

        assertThat(seen.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("198.51.100.1");
        assertThat(seen.getURI().toString()).isEqualTo("https://gateway.example:8080/api/events?city=bochum&q=a%20b");
    }

    @Test
    void from_anyone_else_forwarded_headers_change_nothing() {
        ServerHttpRequest seen = filtered(ForwardedHeader.X_FORWARDED_FOR, "203.0.113.9", request -> request
                .header("X-Forwarded-For", "198.51.100.1")
                .header("X-Forwarded-Proto", "https")
                .header("Forwarded", "for=198.51.100.2;proto=https"));

        assertThat(seen.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("203.0.113.9");
        assertThat(seen.getURI().getScheme()).isEqualTo("http");
    }

    @Test
    void with_forwarded_chosen_x_forwarded_for_is_a_header_like_any_other() {
        ServerHttpRequest seen = filtered(ForwardedHeader.FORWARDED, "10.0.0.2", request -> request
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Proto", "https")
                .header("Forwarded", "for=198.51.100.1;proto=https"));

        assertThat(seen.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("198.51.100.1");
        assertThat(seen.getURI().getScheme()).isEqualTo("https");
    }

    @Test
    void with_x_forwarded_for_chosen_a_forwarded_header_is_a_header_like_any_other() {
        ServerHttpRequest seen = filtered(ForwardedHeader.X_FORWARDED_FOR, "10.0.0.2", request -> request
                .header("Forwarded", "for=6.6.6.6;proto=https"));

        assertThat(seen.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("10.0.0.2");
        assertThat(seen.getURI().getScheme()).isEqualTo("http");
    }

    private static ServerHttpRequest filtered(ForwardedHeader header, String peer,
            UnaryOperator<MockServerHttpRequest.BaseBuilder<?>> headers) {
        MockServerHttpRequest request = headers.apply(MockServerHttpRequest
                        .method(HttpMethod.GET, URI.create("http://gateway.example:8080/api/events?city=bochum&q=a%20b"))
                        .remoteAddress(new InetSocketAddress(peer, 40_000)))
                .build();
        AtomicReference<ServerHttpRequest> seen = new AtomicReference<>();
        StepVerifier.create(new TrustedProxiesFilter(PROXY, header).filter(MockServerWebExchange.from(request),
                exchange -> {
                    seen.set(exchange.getRequest());
                    return Mono.empty();
                })).verifyComplete();
        return seen.get();
    }
}
