package de.stadtportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void ports_are_free_outside_the_range_for_outgoing_connections_and_never_handed_out_twice() throws Exception {
        int[] ephemeral = FreePorts.ephemeralRange();
        assertThat(ephemeral[0]).isLessThan(ephemeral[1]);
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.pick();
            assertThat(port).satisfiesAnyOf(p -> assertThat(p).isLessThan(ephemeral[0]),
                    p -> assertThat(p).isGreaterThan(ephemeral[1]));
            assertThat(picked.add(port)).as("port %d handed out once", port).isTrue();
            try (ServerSocket bound = new ServerSocket(port)) {
                assertThat(bound.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
