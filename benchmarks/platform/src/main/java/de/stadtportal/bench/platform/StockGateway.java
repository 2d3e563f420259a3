package de.stadtportal.bench.platform;

import de.stadtportal.launcher.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The second reference: Spring Cloud Gateway as its starter comes ({@code benchmarks/stock-gateway}),
 * with gateway-service's API routes to the same instances and none of its filters, in a JVM with the
 * services' own options. The gateway ÷ this is what the gateway's security, rate limit, breakers,
 * retries, metrics and tracing cost together; this ÷ nginx is what the framework costs.
 */
final class StockGateway extends ReferenceProxy {

    /** The JVM options every service gets from the launcher (ServiceProcess). */
    private static final List<String> SERVICE_JVM = List.of("-Xms64m", "-Xmx256m", "-XX:MaxMetaspaceSize=192m",
            "-XX:+UseSerialGC", "-Xss512k");

    private StockGateway(Process process, int port) {
        super(process, port);
    }

    static Path jar(Path root) {
        return root.resolve("benchmarks/stock-gateway/target/stadtportal-stock-gateway-exec.jar");
    }

    /** Starts it in front of these instances of each service (base URLs), logging to {@code directory}. */
    static StockGateway inFrontOf(Path root, Map<String, List<String>> instances, Path directory)
            throws IOException, InterruptedException {
        int port = FreePorts.pick();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SERVICE_JVM);
        command.addAll(List.of("-jar", jar(root).toString(), "--server.port=" + port));
        instances.forEach((service, urls) -> {
            for (int i = 0; i < urls.size(); i++) {
                command.add("--spring.cloud.discovery.client.simple.instances." + service + "[" + i + "].uri=" + urls.get(i));
            }
        });
        Path log = Files.createDirectories(directory).resolve("stock-gateway.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitListening(process, port, "the stock gateway", log, Duration.ofSeconds(120));
        return new StockGateway(process, port);
    }

    @Override
    String key() {
        return "stockGateway";
    }

    @Override
    String label() {
        return "stock Spring Cloud Gateway";
    }
}
