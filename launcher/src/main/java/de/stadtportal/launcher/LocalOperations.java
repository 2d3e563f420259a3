package de.stadtportal.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What an operator asks of the local platform besides the platform itself: structured JSON logs
 * (Boot's ECS format, each line with the trace and span id) instead of readable lines, and a local
 * Prometheus (Debian's {@code prometheus}, which the {@code stadtportal} script installs) that
 * scrapes every service's management port with the repository's scrape configuration
 * ({@code ops/prometheus/prometheus.yml}, its targets moved to this machine) and evaluates the
 * repository's alert rules. The service logs stay where the launcher writes them,
 * {@code .stadtportal/logs/<service>.log}, JSON or not.
 */
public final class LocalOperations {

    /** Boot's switch for structured console logs; the services' output is their log file. */
    static final String JSON_LOGS = "LOGGING_STRUCTURED_FORMAT_CONSOLE";

    private static final Pattern TARGET = Pattern.compile("\"([a-z-]+):(\\d+)\"");

    private boolean jsonLogs;
    private int prometheusPort;
    private Process prometheus;

    /** Every service logs one JSON object per line (ECS), its trace and span id included. */
    public LocalOperations jsonLogs() {
        jsonLogs = true;
        return this;
    }

    /** Prometheus on {@code port} once the services are ready, with the repository's scrape configuration and rules. */
    public LocalOperations prometheus(int port) {
        prometheusPort = port;
        return this;
    }

    /** Where the local Prometheus answers, or {@code null} when none was asked for. */
    public String prometheusUrl() {
        return prometheusPort == 0 ? null : "http://localhost:" + prometheusPort;
    }

    /** What every service gets in its environment (a service's own overrides still win). */
    Map<String, String> environment() {
        return jsonLogs ? Map.of(JSON_LOGS, "ecs") : Map.of();
    }

    /**
     * The repository's scrape configuration for this machine: each {@code "<service>:<port>"}
     * target becomes {@code "localhost:<managementPort>"}, one per instance of the service, and the
     * rules are read from the repository.
     */
    static String scrapeConfiguration(String repository, Path rules, Map<String, List<Integer>> managementPorts) {
        Matcher target = TARGET.matcher(repository.replace("/etc/prometheus/alerts.yml", rules.toString()));
        StringBuilder local = new StringBuilder();
        while (target.find()) {
            List<Integer> ports = managementPorts.get(target.group(1));
            String replacement = ports == null ? target.group() : ports.stream()
                    .map(port -> "\"localhost:" + port + "\"").collect(Collectors.joining(", "));
            target.appendReplacement(local, Matcher.quoteReplacement(replacement));
        }
        target.appendTail(local);
        return local.toString();
    }

    /** Starts Prometheus (when asked for) and waits until it is ready. */
    void start(LocalSettings settings, ServiceInstances instances, PrintStream out) {
        if (prometheusPort == 0) {
            return;
        }
        Path home = settings.home().resolve("prometheus");
        Path ops = settings.root().resolve("ops").resolve("prometheus");
        Path log = settings.home().resolve("logs").resolve("prometheus.log");
        Map<String, List<Integer>> ports = new HashMap<>();
        for (String service : LocalPlatform.SERVICES) {
            int count = ServiceInstances.SCALED.contains(service) ? instances.count() : 1;
            ports.put(service, IntStream.rangeClosed(1, count)
                    .mapToObj(instance -> ServiceInstances.port(settings.managementPort(service), instance)).toList());
        }
        try {
            Files.createDirectories(home);
            Path configuration = home.resolve("prometheus.yml");
            Files.writeString(configuration, scrapeConfiguration(Files.readString(ops.resolve("prometheus.yml")),
                    ops.resolve("alerts.yml").toAbsolutePath(), ports));
            Files.createDirectories(log.getParent());
            out.println("stadtportal: starting Prometheus on " + prometheusUrl() + " (log " + log + ")");
            prometheus = new ProcessBuilder(List.of("prometheus", "--config.file=" + configuration,
                    "--storage.tsdb.path=" + home.resolve("data"), "--storage.tsdb.retention.time=2d",
                    "--web.listen-address=localhost:" + prometheusPort, "--enable-feature=exemplar-storage"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new LaunchException("Prometheus could not start (" + e.getMessage() + "); ./stadtportal up --ops"
                    + " installs Debian's prometheus, or: sudo apt-get install prometheus");
        }
        Readiness.await("Prometheus", prometheus, URI.create(prometheusUrl() + "/-/ready"), Duration.ofSeconds(60), log);
    }

    void stop() {
        if (prometheus == null || !prometheus.isAlive()) {
            return;
        }
        prometheus.destroy();
        try {
            if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        } catch (InterruptedException e) {
            prometheus.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
