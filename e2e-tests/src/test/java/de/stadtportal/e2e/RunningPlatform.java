package de.stadtportal.e2e;

import de.stadtportal.launcher.FreePorts;
import de.stadtportal.launcher.LocalOperations;
import de.stadtportal.launcher.LocalPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The platform of this test JVM, started once exactly as {@code ./stadtportal up} starts it (each
 * service a JVM of its own from its packaged jar, demo data loaded through the gateway) on free
 * ports with its data under {@code target/}, and stopped when the JVM ends. Its services export
 * every span to a Zipkin server and log JSON lines into {@link LocalPlatform#logFile}. Its identity provider
 * seeds the people with passwords this class chose, and has {@link #MACHINE_CLIENTS} machine clients
 * besides {@code stadtportal-cli}, so that the writers of a drill each hold a token of a subject (and
 * a rate-limit budget) of their own. When the fault drills run at full size, a Prometheus scrapes it
 * with the repository's configuration and alert rules ({@link PrometheusAlerts}).
 */
final class RunningPlatform {

    /** More than the most writers a drill runs at once (twenty at full size). */
    static final int MACHINE_CLIENTS = 24;

    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    private static final String EDITOR_PASSWORD = "redaktion-" + UUID.randomUUID();

    private static LocalPlatform platform;
    private static String prometheusUrl;

    private RunningPlatform() {
    }

    static synchronized LocalPlatform get() {
        if (platform == null) {
            try {
                Path root = Path.of("..").toAbsolutePath().normalize();
                Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "platform-");
                LocalOperations operations = new LocalOperations().jsonLogs();
                if (FaultDrill.FULL) {
                    operations.prometheus(FreePorts.pick());
                }
                LocalPlatform started = LocalPlatform.forTests(root, home, MACHINE_CLIENTS, System.out)
                        // every span to a real trace viewer (the build copies Zipkin's exec jar there)
                        .traceTo(Path.of("target", "zipkin", "zipkin-server-exec.jar").toAbsolutePath(), FreePorts.pick())
                        // JSON log lines with the trace id, as ./stadtportal up --json-logs and compose write them;
                        // at full drill size also the local Prometheus, whose alerts the drills wait for
                        .operate(operations)
                        .override("identity-service", Map.of(
                                "STADTPORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD,
                                "STADTPORTAL_EDITOR_PASSWORD", EDITOR_PASSWORD));
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-platform-stop"));
                try {
                    started.start();
                    started.loadDemoDataOnce();
                } catch (RuntimeException e) {
                    // the next test class starts a platform of its own: never two at once
                    started.close();
                    throw e;
                }
                platform = started;
                prometheusUrl = operations.prometheusUrl();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return platform;
    }

    /** Where the platform's Prometheus answers; {@code null} unless the drills run at full size. */
    static synchronized String prometheusUrl() {
        get();
        return prometheusUrl;
    }

    /** The password of every seeded editor ({@code redaktion-bochum}, …) of the provider. */
    static String editorPassword() {
        return EDITOR_PASSWORD;
    }
}
