package de.stadtportal.gateway.edge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpLiteralTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            192.0.2.7                    | 192.0.2.7
            ' 192.0.2.7 '                | 192.0.2.7
            192.0.2.7:4711               | 192.0.2.7
            2001:db8::17                 | 2001:db8:0:0:0:0:0:17
            [2001:db8::17]               | 2001:db8:0:0:0:0:0:17
            [2001:db8::17]:4711          | 2001:db8:0:0:0:0:0:17
            ::1                          | 0:0:0:0:0:0:0:1
            ::ffff:192.0.2.7             | 192.0.2.7
            [::ffff:c000:207]            | 192.0.2.7
            """)
    void an_address_written_as_a_literal_is_read(String text, String address) {
        assertThat(IpLiteral.parse(text)).map(InetAddress::getHostAddress).contains(address);
    }

    @ParameterizedTest(name = "''{0}'' is no address")
    @CsvSource(delimiter = '|', textBlock = """
            unknown
            _hidden
            localhost
            gateway.example
            192.0.2
            192.0.2.256
            1.2.3.4.5
            0x7f.1
            2001:db8::17::1
            2001:db8::zz
            [2001:db8::17
            [cafe]
            fe80::1%eth0
            ''
            """)
    void anything_else_is_no_address_and_never_looked_up(String text) {
        assertThat(IpLiteral.parse(text)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest(name = "''{0}'' is read in no time, as no address")
    @CsvSource({"'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'"})
    void text_longer_than_any_address_is_no_address(String text) {
        assertThat(IpLiteral.parse(text)).isEmpty();
    }
}
