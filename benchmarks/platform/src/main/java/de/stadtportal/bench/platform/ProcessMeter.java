package de.stadtportal.bench.platform;

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

/**
 * Reads the platform's processes from {@code /proc}: resident memory (VmRSS) of each service now and
 * the highest seen while sampling, and the CPU time each has used so far, with PostgreSQL's
 * processes and this JVM (which runs the Kafka broker) beside them.
 */
final class ProcessMeter implements AutoCloseable {

    private final LocalPlatform platform;
    private final List<String> services;
    private final Map<String, Long> peaks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-memory");
        thread.setDaemon(true);
        return thread;
    });

    ProcessMeter(LocalPlatform platform, List<String> services) {
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

    /** CPU milliseconds (user + system) used so far, per service, PostgreSQL and this JVM. */
    Map<String, Long> cpuMillis() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (String service : services) {
            cpu.put(service, cpuMillis(platform.processId(service)));
        }
        long postgres = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                if (commandOf(process).equals("postgres")) {
                    postgres += Math.max(0, cpuMillis(Long.parseLong(process.getFileName().toString())));
                }
            }
        } catch (IOException e) {
            postgres = -1;
        }
        cpu.put("postgresql", postgres);
        cpu.put("kafka broker (benchmark JVM)", cpuMillis(ProcessHandle.current().pid()));
        return cpu;
    }

    /**
     * CPU milliseconds the JIT compilers' threads of each service have used so far: a share of
     * {@link #cpuMillis()} that a platform which has run long enough no longer spends.
     */
    Map<String, Long> jitMillis() {
        Map<String, Long> jit = new LinkedHashMap<>();
        for (String service : services) {
            long millis = 0;
            Path tasks = Path.of("/proc", String.valueOf(platform.processId(service)), "task");
            try (var threads = Files.list(tasks)) {
                for (Path thread : threads.toList()) {
                    // the kernel keeps 15 characters of a thread's name: "C2 CompilerThre", "C1 CompilerThre"
                    if (commandOf(thread).matches("C\\d CompilerThre.*")) {
                        millis += Math.max(0, cpuMillis(thread));
                    }
                }
            } catch (IOException | RuntimeException e) {
                millis = -1;
            }
            jit.put(service, millis);
        }
        return jit;
    }

    private static String commandOf(Path process) {
        try {
            return Files.readString(process.resolve("comm")).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static long cpuMillis(long pid) {
        return cpuMillis(Path.of("/proc", String.valueOf(pid)));
    }

    /** A process's or a thread's ({@code /proc/<pid>/task/<tid>}) CPU milliseconds so far; -1 when gone. */
    private static long cpuMillis(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the command: state is [0], utime [11], stime [12], in clock ticks of 10 ms
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
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
