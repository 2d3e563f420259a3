package de.stadtportal.gateway.ratelimit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.gateway.edge.domain.IpLiteral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientKeyTest {

    @ParameterizedTest(name = "{0} pays at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            192.0.2.7                               | addr:192.0.2.7
            192.0.2.8                               | addr:192.0.2.8
            ::ffff:192.0.2.7                        | addr:192.0.2.7
            2001:db8:1:2::1                         | addr:2001:db8:1:2::/64
            2001:db8:1:2:ffff:ffff:ffff:ffff        | addr:2001:db8:1:2::/64
            2001:db8:1:2:a1b2:c3d4:e5f6:789         | addr:2001:db8:1:2::/64
            2001:db8:1:3::1                         | addr:2001:db8:1:3::/64
            2001:db8::1                             | addr:2001:db8:0:0::/64
            ::1                                     | addr:0:0:0:0::/64
            """)
    void an_ipv4_client_is_its_address_and_an_ipv6_client_its_64_block(String address, String key) {
        assertThat(ClientKey.ofAddress(IpLiteral.parse(address).orElseThrow()).value()).isEqualTo(key);
    }

    @Test
    void a_verified_subject_has_a_key_no_address_can_have() {
        assertThat(ClientKey.ofSubject("editor@bochum").value()).isEqualTo("sub:editor@bochum");
        assertThat(ClientKey.ofSubject("192.0.2.7")).isNotEqualTo(ClientKey.ofAddress(
                IpLiteral.parse("192.0.2.7").orElseThrow()));
    }

    @Test
    void reads_and_writes_are_separate_buckets_of_one_client() {
        ClientKey client = ClientKey.ofAddress(IpLiteral.parse("192.0.2.7").orElseThrow());

        assertThat(client.bucket(true)).isEqualTo("r|addr:192.0.2.7");
        assertThat(client.bucket(false)).isEqualTo("w|addr:192.0.2.7");
        assertThat(ClientKey.ofSubject("s").bucket(false)).isEqualTo("w|sub:s");
    }
}
