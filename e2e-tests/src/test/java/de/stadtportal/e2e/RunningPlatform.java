package de.stadtportal.e2e;

import de.stadtportal.launcher.LocalPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform of this test JVM, started once exactly as {@code ./stadtportal up} starts it (each
 * service a JVM of its own from its packaged jar, demo data loaded through the gateway) on free
 * ports with its data under {@code target/}, and stopped when the JVM ends.
 */
final class RunningPlatform {

    private static LocalPlatform platform;
    private static Path home;

    private RunningPlatform() {
    }

    static synchronized LocalPlatform get() {
        if (platform == null) {
            try {
                Path root = Path.of("..").toAbsolutePath().normalize();
                Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "platform-");
                Map<String, Integer> ports = new HashMap<>();
                for (String name : List.of("postgresql", "kafka", "kafka-controller", "gateway-service",
                        "content-service", "events-service", "search-service")) {
                    ports.put(name, freePort());
                }
                for (String service : LocalPlatform.SERVICES) {
                    ports.put(service + " management", freePort());
                }
                LocalPlatform started = LocalPlatform.forTests(root, home, ports, System.out);
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-platform-stop"));
                started.start();
                started.loadDemoDataOnce();
                platform = started;
                RunningPlatform.home = home;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return platform;
    }

    /** Where the platform keeps its data and its key pair ({@code keys/private.pem}), for tokens it must refuse. */
    static synchronized Path home() {
        get();
        return home;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
