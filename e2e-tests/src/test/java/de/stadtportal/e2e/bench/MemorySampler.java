package de.stadtportal.e2e.bench;

import de.stadtportal.launcher.LocalPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Resident memory (VmRSS) of each service's process, now, and the highest seen while sampling. */
final class MemorySampler implements AutoCloseable {

    private final LocalPlatform platform;
    private final List<String> services;
    private final Map<String, Long> peaks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-memory");
        thread.setDaemon(true);
        return thread;
    });

    MemorySampler(LocalPlatform platform, List<String> services) {
        this.platform = platform;
        this.services = services;
    }

    /** MB per service right now. */
    Map<String, Long> now() {
        Map<String, Long> now = new LinkedHashMap<>();
        for (String service : services) {
            now.put(service, residentMb(platform.processId(service)));
        }
        return now;
    }

    /** Samples every 250 ms from now on. */
    void startPeaks() {
        sampler.scheduleAtFixedRate(() -> now().forEach((service, mb) -> peaks.merge(service, mb, Math::max)),
                0, 250, TimeUnit.MILLISECONDS);
    }

    Map<String, Long> peaks() {
        Map<String, Long> ordered = new LinkedHashMap<>();
        services.forEach(service -> ordered.put(service, peaks.getOrDefault(service, -1L)));
        return ordered;
    }

    private static long residentMb(long pid) {
        try (var lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
