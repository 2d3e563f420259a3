package de.stadtportal.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way the launcher waits for a process it started (a service, the trace viewer,
 * Prometheus): until its readiness probe answers 200. Between two probes it waits for the process
 * to end, at most a quarter of a second, so a process that dies during its start is reported at
 * once, with its exit code and its log, rather than after the whole timeout.
 */
final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration BETWEEN_PROBES = Duration.ofMillis(250);

    private Readiness() {
    }

    /**
     * Waits until {@code probe} answers 200; fails with a {@link LaunchException} naming {@code log}
     * when the process ends first or {@code timeout} passes.
     */
    static void await(String name, Process process, URI probe, Duration timeout, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (answers(probe, name)) {
                return;
            }
            try {
                process.onExit().get(BETWEEN_PROBES.toMillis(), TimeUnit.MILLISECONDS);
                throw new LaunchException(name + " stopped with exit code " + process.exitValue() + "; see " + log);
            } catch (TimeoutException stillRunning) {
                // probe again
            } catch (ExecutionException e) {
                throw new LaunchException("Could not watch " + name + ": " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("Interrupted while waiting for " + name);
            }
        }
        throw new LaunchException(name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    private static boolean answers(URI probe, String name) {
        try {
            return HTTP.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while waiting for " + name);
        }
    }
}
