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
 * the achieved rate instead of queueing without bound. With a batch size over 1 the same events go
 * that many to a request ({@code POST /api/events/batch}), at the same rate of events.
 */
final class PacedWrites {

    private static final int IN_FLIGHT = 64;

    private final HttpClient http;
    private final URI events;
    private final String token;
    private final IntFunction<String> body;
    private final int batch;

    /**
     * @param body the JSON of the n-th event
     * @param batch events a request: 1 is {@code POST /api/events}, more {@code POST /api/events/batch}
     */
    PacedWrites(HttpClient http, String gateway, String token, IntFunction<String> body, int batch) {
        this.http = http;
        this.events = URI.create(gateway + (batch > 1 ? "/api/events/batch" : "/api/events"));
        this.token = token;
        this.body = body;
        this.batch = batch;
    }

    /** The body of the next request: one event, or {@code batch} of them. */
    private String next(AtomicInteger number) {
        if (batch == 1) {
            return body.apply(number.incrementAndGet());
        }
        List<String> items = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            items.add(body.apply(number.incrementAndGet()));
        }
        return "{\"events\":[" + String.join(",", items) + "]}";
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
                    .POST(HttpRequest.BodyPublishers.ofString(next(number))).build();
            long sent = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
                if (failure == null && answer.statusCode() == 201) {
                    created.addAndGet(batch);
                } else {
                    refused.incrementAndGet();
                }
                latencies.add((System.nanoTime() - sent) / 1e6);
                free.release();
            });
        }, 0, 1_000_000_000L * batch / perSecond, TimeUnit.NANOSECONDS);
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
     * @param created events created
     * @param refused requests answered with anything but 201, failed, or still unanswered at the end
     * @param skipped requests not sent because {@link #IN_FLIGHT} were waiting for their answer
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
