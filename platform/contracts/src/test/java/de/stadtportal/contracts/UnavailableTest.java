package de.stadtportal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class UnavailableTest {

    @Test
    void a_refused_connection_anywhere_in_the_cause_chain_means_unavailable() {
        Exception wrapped = new IllegalStateException("could not open a transaction",
                new UncheckedIOException(new ConnectException("Connection refused")));

        assertThat(Unavailable.isCause(wrapped)).isTrue();
    }

    @Test
    void bad_input_and_plain_bugs_are_not_unavailability() {
        assertThat(Unavailable.isCause(new ContractViolation("not an event"))).isFalse();
        assertThat(Unavailable.isCause(new NullPointerException())).isFalse();
        assertThat(Unavailable.isCause(null)).isFalse();
    }
}
