package de.stadtportal.gateway.edge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustedProxiesTest {

    private static final TrustedProxies TRUSTED = TrustedProxies.of(
            List.of("10.0.0.0/8", " 192.0.2.7 ", "", "2001:db8:aa::/48", "172.16.0.0/12"));

    @ParameterizedTest(name = "{0} trusted: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.1                | true
            10.255.255.255          | true
            11.0.0.1                | false
            192.0.2.7               | true
            192.0.2.8               | false
            172.31.255.1            | true
            172.32.0.1              | false
            2001:db8:aa:ffff::1     | true
            2001:db8:ab::1          | false
            ::ffff:10.1.2.3         | true
            ::ffff:192.0.2.8        | false
            """)
    void an_address_is_trusted_when_a_configured_block_contains_it(String address, boolean trusted) {
        assertThat(TRUSTED.trust(IpLiteral.parse(address).orElseThrow())).isEqualTo(trusted);
    }

    @Test
    void by_default_no_proxy_is_trusted() {
        assertThat(TrustedProxies.of(List.of()).trust(IpLiteral.parse("127.0.0.1").orElseThrow())).isFalse();
        assertThat(TrustedProxies.NONE.trust(IpLiteral.parse("::1").orElseThrow())).isFalse();
    }

    @Test
    void an_ipv4_block_never_contains_an_ipv6_address_nor_the_other_way_round() {
        TrustedProxies everything = TrustedProxies.of(List.of("0.0.0.0/0"));

        assertThat(everything.trust(IpLiteral.parse("2001:db8::1").orElseThrow())).isFalse();
        assertThat(TrustedProxies.of(List.of("::/0")).trust(IpLiteral.parse("192.0.2.1").orElseThrow())).isFalse();
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @CsvSource(delimiter = '|', textBlock = """
            proxy.example
            10.0.0.0/33
            2001:db8::/129
            10.0.0.0/-1
            10.0.0.0/x
            10.0.0.1:8080
            [2001:db8::1]
            """)
    void an_entry_that_is_no_address_or_block_stops_the_configuration(String entry) {
        assertThatThrownBy(() -> TrustedProxies.of(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(entry);
    }
}
