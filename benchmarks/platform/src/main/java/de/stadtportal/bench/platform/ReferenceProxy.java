package de.stadtportal.bench.platform;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A proxy the gateway is measured against in the same rounds, in front of the same instances, in a
 * process of its own on a free port: what a good proxy costs on this machine (nginx), and what Spring
 * Cloud Gateway itself costs without the gateway-service's own features (the stock gateway).
 */
abstract class ReferenceProxy implements AutoCloseable {

    private final Process process;
    private final int port;

    ReferenceProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Its name in the report's keys ({@code nginxPerSecond}, {@code gatewayToStockGateway}). */
    abstract String key();

    /** Its name in the report's rows. */
    abstract String label();

    final String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Waits until {@code process} listens on {@code port}; ends it and throws when it dies or takes too long. */
    static void awaitListening(Process process, int port, String name, Path log, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with " + process.exitValue() + ": see " + log);
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not listen on " + port + " within " + limit.toSeconds() + " s: see "
                + log);
    }

    @Override
    public final void close() {
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
