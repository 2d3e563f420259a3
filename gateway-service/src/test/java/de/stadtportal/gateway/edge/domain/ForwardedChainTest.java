package de.stadtportal.gateway.edge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForwardedChainTest {

    private static final TrustedProxies PROXIES = TrustedProxies.of(List.of("10.0.0.0/8", "2001:db8:f::/48"));

    @ParameterizedTest(name = "from {0} with X-Forwarded-For ''{1}'' the client is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # peer          | X-Forwarded-For                         | client
            203.0.113.9     |                                         | 203.0.113.9
            203.0.113.9     | 198.51.100.1                            | 203.0.113.9
            203.0.113.9     | 10.0.0.1, 198.51.100.1                  | 203.0.113.9
            10.0.0.2        |                                         | 10.0.0.2
            10.0.0.2        | 198.51.100.1                            | 198.51.100.1
            10.0.0.2        | 6.6.6.6, 198.51.100.1                   | 198.51.100.1
            10.0.0.2        | 6.6.6.6, 7.7.7.7, 198.51.100.1          | 198.51.100.1
            10.0.0.2        | 198.51.100.1, 10.0.0.3                  | 198.51.100.1
            10.0.0.2        | 6.6.6.6, 198.51.100.1, 10.9.9.9, 10.0.0.3 | 198.51.100.1
            10.0.0.2        | 10.0.0.4, 10.0.0.3                      | 10.0.0.4
            10.0.0.2        | 6.6.6.6, unknown                        | 10.0.0.2
            10.0.0.2        | 6.6.6.6, unknown, 10.0.0.3              | 10.0.0.3
            10.0.0.2        | 6.6.6.6, gateway.example                | 10.0.0.2
            10.0.0.2        | '6.6.6.6, '                             | 10.0.0.2
            10.0.0.2        | 198.51.100.1:4711                       | 198.51.100.1
            10.0.0.2        | 2001:db8:1:2::99                        | 2001:db8:1:2:0:0:0:99
            10.0.0.2        | 6.6.6.6, ::ffff:198.51.100.1            | 198.51.100.1
            2001:db8:f::1   | 198.51.100.1                            | 198.51.100.1
            ::ffff:10.0.0.2 | 198.51.100.1                            | 198.51.100.1
            """)
    void the_client_is_the_right_most_address_no_trusted_proxy_vouches_for(String peer, String forwardedFor,
            String client) {
        ForwardedChain chain = ForwardedChain.ofXForwarded(forwardedFor == null ? List.of() : List.of(forwardedFor),
                List.of());

        assertThat(chain.client(address(peer), PROXIES).toString()).isEqualTo(client);
    }

    @Test
    void several_x_forwarded_for_lines_are_one_list_in_their_order() {
        ForwardedChain chain = ForwardedChain.ofXForwarded(List.of("6.6.6.6, 198.51.100.1", "10.0.0.3"), List.of());

        assertThat(chain.clients()).containsExactly("6.6.6.6", "198.51.100.1", "10.0.0.3");
        assertThat(chain.client(address("10.0.0.2"), PROXIES).toString()).isEqualTo("198.51.100.1");
    }

    @Test
    void without_trusted_proxies_every_forwarded_header_is_ignored() {
        ForwardedChain chain = ForwardedChain.ofXForwarded(List.of("198.51.100.1"), List.of("https"));

        assertThat(chain.client(address("10.0.0.2"), TrustedProxies.NONE).toString()).isEqualTo("10.0.0.2");
        assertThat(chain.scheme(address("10.0.0.2"), TrustedProxies.NONE)).isEmpty();
    }

    @ParameterizedTest(name = "from {0} with Forwarded ''{1}'' the client is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            203.0.113.9 | for=198.51.100.1                                        | 203.0.113.9
            10.0.0.2    | for=198.51.100.1                                        | 198.51.100.1
            10.0.0.2    | for=6.6.6.6, for=198.51.100.1;proto=https;by=10.0.0.2   | 198.51.100.1
            10.0.0.2    | FOR="198.51.100.1:4711"                                 | 198.51.100.1
            10.0.0.2    | for="[2001:db8:cafe::17]:4711"                          | 2001:db8:cafe:0:0:0:0:17
            10.0.0.2    | for=6.6.6.6, for=unknown                                | 10.0.0.2
            10.0.0.2    | for=6.6.6.6, for=_hidden                                | 10.0.0.2
            10.0.0.2    | for=6.6.6.6, proto=https                                | 10.0.0.2
            10.0.0.2    | for="6.6.6.6, for=7.7.7.7", for=198.51.100.1            | 198.51.100.1
            10.0.0.2    | for=198.51.100.1, for=10.0.0.3                          | 198.51.100.1
            """)
    void rfc_7239_forwarded_is_walked_the_same_way(String peer, String forwarded, String client) {
        ForwardedChain chain = ForwardedChain.ofForwarded(List.of(forwarded));

        assertThat(chain.client(address(peer), PROXIES).toString()).isEqualTo(client);
    }

    @ParameterizedTest(name = "from {0} with proto ''{1}'' the scheme is ''{2}''")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.2    | https        | https
            10.0.0.2    | HTTPS        | https
            10.0.0.2    | http         | http
            10.0.0.2    | http, https  | https
            10.0.0.2    | https, http  | http
            10.0.0.2    | gopher       | ''
            203.0.113.9 | https        | ''
            """)
    void the_scheme_is_what_the_trusted_proxy_that_connected_reports(String peer, String proto, String scheme) {
        ForwardedChain chain = ForwardedChain.ofXForwarded(List.of(), List.of(proto));

        assertThat(chain.scheme(address(peer), PROXIES).orElse("")).isEqualTo(scheme);
    }

    @Test
    void in_forwarded_the_scheme_is_the_proto_of_the_right_most_element() {
        assertThat(ForwardedChain.ofForwarded(List.of("for=6.6.6.6;proto=http, for=198.51.100.1;proto=https"))
                .scheme(address("10.0.0.2"), PROXIES)).contains("https");
        assertThat(ForwardedChain.ofForwarded(List.of("for=198.51.100.1;proto=https, for=10.0.0.3"))
                .scheme(address("10.0.0.2"), PROXIES)).isEmpty();
    }

    @Test
    void a_chain_of_trusted_hops_longer_than_any_real_one_ends_at_the_last_hop_walked() {
        List<String> hops = new ArrayList<>();
        hops.add("198.51.100.1");
        for (int i = 0; i < 100; i++) {
            hops.add("10.0.0." + (i % 250 + 1));
        }
        ForwardedChain chain = ForwardedChain.ofXForwarded(List.of(String.join(", ", hops)), List.of());

        assertThat(PROXIES.trust(chain.client(address("10.0.0.2"), PROXIES).address())).isTrue();
    }

    private static InetAddress address(String text) {
        return IpLiteral.parse(text).orElseThrow();
    }
}
