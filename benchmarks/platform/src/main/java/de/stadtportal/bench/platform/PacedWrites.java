package de.stadtportal.bench.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Creates events through the gateway at a fixed rate, whatever their answers take (an open loop, as
 * editors and importers write: a slow answer does not slow the next writer down). wrk cannot pace
 * its requests, so one connection as fast as it goes stood in for "a steady load" before; this is the
 * rate SPEC §8 names. At most {@link #IN_FLIGHT} writes wait for their answer at once: a write due
 * while that many wait is counted as {@code skipped}, so a platform that cannot keep up shows it in
 * the achieved rate instead of queueing without bound.
 */
final class PacedWrites {

    private static final int IN_FLIGHT = 64;

    private final HttpClient http;
    private final URI events;
    private final String token;
    private final IntFunction<String> body;

    /**
     * @param body the JSON of the n-th event
     */
    PacedWrites(HttpClient http, String gateway, String token, IntFunction<String> body) {
        this.http = http;
        this.events = URI.create(gateway + "/api/events");
        this.token = token;
        this.body = body;
    }

    /** Writes {@code perSecond} events a second for {@code seconds}, then waits for the last answers. */
    Result run(int perSecond, int seconds) throws InterruptedException {
        AtomicInteger number = new AtomicInteger();
        Semaphore free = new Semaphore(IN_FLIGHT);
        AtomicLong created = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "paced-writes");
            thread.setDaemon(true);
            return thread;
        });
        long begin = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            if (!free.tryAcquire()) {
                skipped.incrementAndGet();
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(number.incrementAndGet()))).build();
            long sent = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
                (failure == null && answer.statusCode() == 201 ? created : refused).incrementAndGet();
                latencies.add((System.nanoTime() - sent) / 1e6);
                free.release();
            });
        }, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
        clock.schedule(clock::shutdown, seconds, TimeUnit.SECONDS);
        clock.awaitTermination(seconds + 5L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - begin) / 1e9;
        // every permit back means every write sent has its answer (each request times out after 10 s)
        boolean answered = free.tryAcquire(IN_FLIGHT, 15, TimeUnit.SECONDS);
        long unanswered = answered ? 0 : IN_FLIGHT - free.availablePermits();
        double[] sorted;
        synchronized (latencies) {
            sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }
        return new Result(perSecond, created.get() / elapsed, created.get(), refused.get() + unanswered,
                skipped.get(), PlatformBenchmark.percentile(sorted, 50), PlatformBenchmark.percentile(sorted, 99));
    }

    /**
     * What one paced run did.
     *
     * @param refused writes answered with anything but 201, failed, or still unanswered at the end
     * @param skipped writes not sent because {@link #IN_FLIGHT} were waiting for their answer
     */
    record Result(int targetPerSecond, double perSecond, long created, long refused, long skipped, double p50Ms,
            double p99Ms) {

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("targetPerSecond", targetPerSecond);
            figures.put("perSecond", Math.round(perSecond * 10) / 10.0);
            figures.put("created", created);
            figures.put("refused", refused);
            figures.put("skipped", skipped);
            figures.put("p50Ms", Math.round(p50Ms * 10) / 10.0);
            figures.put("p99Ms", Math.round(p99Ms * 10) / 10.0);
            return figures;
        }
    }
}
