package de.stadtportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    private static final Path LOG = Path.of("target", "readiness.log");

    @Test
    void a_process_whose_probe_answers_200_is_ready() throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        Process process = new ProcessBuilder("sleep", "60").start();
        try {
            Readiness.await("probe", process, URI.create("http://localhost:" + server.getAddress().getPort() + "/ready"),
                    Duration.ofSeconds(60), LOG);

            assertThat(process.isAlive()).isTrue();
        } finally {
            process.destroyForcibly().waitFor();
            server.stop(0);
        }
    }

    @Test
    void a_process_that_ends_before_it_is_ready_is_reported_with_its_exit_code_and_log() throws IOException {
        Process process = new ProcessBuilder("sh", "-c", "exit 3").start();

        // a whole minute to become ready: the process ends long before, and says so
        assertThatThrownBy(() -> Readiness.await("doomed", process, URI.create("http://localhost:" + closedPort() + "/"),
                Duration.ofMinutes(1), LOG))
                .isInstanceOf(LaunchException.class)
                .hasMessage("doomed stopped with exit code 3; see " + LOG);
    }

    @Test
    void a_process_that_never_answers_is_not_ready_after_its_timeout() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sleep", "60").start();
        try {
            assertThatThrownBy(() -> Readiness.await("silent", process,
                    URI.create("http://localhost:" + closedPort() + "/"), Duration.ofSeconds(1), LOG))
                    .isInstanceOf(LaunchException.class)
                    .hasMessage("silent was not ready within 1 s; see " + LOG);
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
