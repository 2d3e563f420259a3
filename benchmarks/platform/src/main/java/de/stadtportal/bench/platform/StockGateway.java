package de.stadtportal.bench.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The second reference: Spring Cloud Gateway as its starter comes ({@code benchmarks/stock-gateway}),
 * with gateway-service's API routes to the same instances and none of its filters, in a JVM with the
 * services' own options. The gateway ÷ this is what the gateway's security, rate limit, breakers,
 * retries, metrics and tracing cost together; this ÷ nginx is what the framework costs.
 */
final class StockGateway implements ReferenceProxy {

    /** The JVM options every service gets from the launcher (ServiceProcess). */
    private static final List<String> SERVICE_JVM = List.of("-Xms64m", "-Xmx256m", "-XX:MaxMetaspaceSize=192m",
            "-XX:+UseSerialGC", "-Xss512k");

    private final Process process;
    private final int port;

    private StockGateway(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Path jar(Path root) {
        return root.resolve("benchmarks/stock-gateway/target/stadtportal-stock-gateway-exec.jar");
    }

    /** Starts it in front of these instances of each service (base URLs), logging to {@code directory}. */
    static StockGateway inFrontOf(Path root, Map<String, List<String>> instances, Path directory)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the stock gateway ended with " + process.exitValue() + ": see " + log);
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return new StockGateway(process, port);
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the stock gateway did not listen on " + port + " within 120 s: see " + log);
    }

    @Override
    public String key() {
        return "stockGateway";
    }

    @Override
    public String label() {
        return "stock Spring Cloud Gateway";
    }

    @Override
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
