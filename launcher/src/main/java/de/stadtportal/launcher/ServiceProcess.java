package de.stadtportal.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service as a separate JVM with a bounded heap. Its output goes to the console, each line
 * prefixed with the service's name, and to {@code .stadtportal/logs/<service>.log}.
 */
final class ServiceProcess {

    /** JVM options for every service, after the launcher's own (so they win). */
    static final String JAVA_OPTIONS = "STADTPORTAL_JAVA_OPTIONS";

    /** The JVM of every service: the launcher's own. */
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> environment;
    private final Path log;
    private final URI readiness;
    private final ClassDataSharing sharing;
    private Process process;
    /** Whether its readiness probe answered UP once: an archive recorded by a service stopped before that is partial. */
    private volatile boolean ready;

    ServiceProcess(String name, Path jar, int port, int managementPort, Map<String, String> environment,
            Path logDirectory) {
        this(name, jar, port, managementPort, environment, logDirectory,
                URI.create("http://localhost:" + managementPort + "/actuator/health/readiness"));
    }

    private ServiceProcess(String name, Path jar, int port, int managementPort, Map<String, String> environment,
            Path logDirectory, URI readiness) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.managementPort = managementPort;
        this.environment = environment;
        this.log = logDirectory.resolve(name + ".log");
        this.readiness = readiness;
        String cds = environment.getOrDefault(ClassDataSharing.SWITCH, System.getenv(ClassDataSharing.SWITCH));
        this.sharing = ClassDataSharing.enabled(cds) ? new ClassDataSharing(jar, JAVA) : null;
    }

    /**
     * Zipkin's server (its exec jar from Maven Central) as the local trace viewer: spans kept in
     * memory, UI and API on {@code port}, ready when its {@code /health} answers.
     */
    static ServiceProcess traceViewer(Path jar, int port, Path logDirectory) {
        // the newest 200,000 spans at most, in a heap of its own size
        return new ServiceProcess("zipkin", jar, port, port, Map.of("STORAGE_TYPE", "mem",
                "MEM_MAX_SPANS", "200000", "QUERY_PORT", String.valueOf(port), JAVA_OPTIONS, "-Xmx512m",
                ClassDataSharing.SWITCH, "off"),
                logDirectory, URI.create("http://localhost:" + port + "/health"));
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    void start(PrintStream console) {
        if (!Files.exists(jar)) {
            throw new LaunchException(jar + " is missing: build with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(
                JAVA.toString(),
                "-Xms64m", "-Xmx256m", "-XX:MaxMetaspaceSize=192m", "-XX:+UseSerialGC", "-Xss512k",
                "-Dspring.main.banner-mode=off"));
        // Both JIT compilers: C1 alone (-XX:TieredStopAtLevel=1) starts ~8 s sooner and keeps ~40 MB less
        // resident, but a warmed-up platform then serves half the reads and 3/4 of the writes (docs/benchmarks.md).
        // Later options win: STADTPORTAL_JAVA_OPTIONS="-XX:TieredStopAtLevel=1 -Xmx384m" ./stadtportal up
        String options = environment.getOrDefault(JAVA_OPTIONS, System.getenv(JAVA_OPTIONS));
        if (options != null && !options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));
        }
        command.addAll(sharing == null ? List.of("-jar", jar.toString()) : sharing.command());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("MANAGEMENT_PORT", String.valueOf(managementPort));
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
        Thread pump = new Thread(() -> pump(console), name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(PrintStream console) {
        String prefix = String.format("%-8s| ", name.replace("-service", ""));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
                Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            String line;
            while ((line = reader.readLine()) != null) {
                console.println(prefix + line);
                file.write(line);
                file.write(System.lineSeparator());
                file.flush();
            }
        } catch (IOException e) {
            console.println(prefix + "(output closed: " + e.getMessage() + ")");
        }
    }

    /** Waits until the readiness probe (on the management port) answers UP, or fails when the process dies or time runs out. */
    void awaitReady(Duration timeout) {
        Readiness.await(name, process, readiness, timeout, log);
        ready = true;
    }

    void stop() {
        if (process == null) {
            return;
        }
        if (!process.isAlive()) {
            // it ended by itself (a failed start): what it recorded is not what a running service loads
            ended(false);
            return;
        }
        // SIGTERM through the handle: Process.destroy() would also close the output pipe, losing the
        // service's last log lines and killing (SIGPIPE) the JVM that Java 25 starts to write its AOT cache
        process.toHandle().destroy();
        boolean clean = false;
        try {
            // a JVM recording its class data sharing archive writes it while it stops: six at once on two
            // loaded cores (load 50-75) took over 90 s; a few seconds on a calm machine
            clean = process.waitFor(sharing != null && sharing.recording() ? 300 : 20, TimeUnit.SECONDS);
            if (!clean) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        ended(clean);
    }

    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended(false);
        }
    }

    private void ended(boolean stoppedCleanly) {
        if (sharing != null) {
            sharing.ended(stoppedCleanly && ready && !process.isAlive());
        }
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }
}
