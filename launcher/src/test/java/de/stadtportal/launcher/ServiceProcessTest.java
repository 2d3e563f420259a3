package de.stadtportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real JVM whose readiness probe never answers, as a service still starting: what Ctrl-C during
 * {@code ./stadtportal up} meets.
 */
class ServiceProcessTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path build;

    @Test
    void a_stop_while_the_platform_waits_for_a_service_ends_the_wait_at_once_and_keeps_no_partial_archive()
            throws Exception {
        Path jar = ServiceJar.build(build, "starting");
        int nothingListens = FreePorts.pick();
        ServiceProcess starting = new ServiceProcess("starting", jar, FreePorts.pick(), nothingListens,
                Map.of(ClassDataSharing.SWITCH, "on"), build.resolve("logs"));
        starting.start(QUIET);

        CompletableFuture<Throwable> waited = new CompletableFuture<>();
        Thread waiting = new Thread(() -> {
            try {
                starting.awaitReady(Duration.ofMinutes(10));
                waited.complete(null);
            } catch (RuntimeException e) {
                waited.complete(e);
            }
        }, "waiting-for-readiness");
        waiting.start();
        waiting.interrupt();

        // the ten minutes are not waited for: the interrupt ends the wait within a probe's timeout
        Throwable ended = waited.get(30, TimeUnit.SECONDS);
        assertThat(ended).isInstanceOf(LaunchException.class).hasMessageContaining("Interrupted while waiting for starting");

        starting.stop();
        // a JVM stopped before it was ready recorded only the classes of its start: nothing is kept
        ClassDataSharing sharing = new ClassDataSharing(jar, ServiceProcess.JAVA);
        assertThat(sharing.command()).anyMatch(option -> option.startsWith(
                ClassDataSharing.Format.of(Runtime.version().feature()).record()));
        assertThat(sharing.archive()).doesNotExist();
    }
}
