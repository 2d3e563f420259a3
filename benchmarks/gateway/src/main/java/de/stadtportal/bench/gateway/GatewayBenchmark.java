package de.stadtportal.bench.gateway;

import de.stadtportal.gateway.GatewayServiceApplication;
import de.stadtportal.testing.security.Tokens;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * Gateway overhead, measured: the same GET is driven directly at a small backend and through the
 * real gateway (every filter on: tokens, rate limit, CORS, breaker, retry, metrics) at the same
 * fixed concurrency, alternating rounds so that drift hits both alike. Prints throughput ratio
 * (gateway ÷ direct) and added median latency. Not a test: run with
 * {@code ./mvnw -q -pl gateway-service -Pbench test-compile exec:java}; tune with
 * {@code -Dbench.concurrency=32 -Dbench.seconds=10 -Dbench.rounds=2}. {@code -Dbench.warmup=60} warms
 * longer (the gateway's JIT takes about a minute on two cores to settle, the backend seconds);
 * {@code -Dbench.compare=true} adds, in the same rounds, a gateway with the per-request observations
 * it used to have; {@code -Dbench.bare=true} adds a bare Reactor Netty proxy, the ceiling that any
 * proxy reaches against a backend this cheap when all of them share the same cores.
 * {@link GatewayServer} keeps backend and gateway running for wrk and JFR from another process.
 */
public final class GatewayBenchmark {

    static final String PATH = "/api/cities/bochum";
    static final byte[] BODY = ("{\"slug\":\"bochum\",\"name\":\"Bochum\",\"claim\":\"Stadt der Hochschulen\","
            + "\"universities\":9,\"topics\":[\"arbeiten\",\"business\",\"leben\"]}").getBytes(StandardCharsets.UTF_8);

    private GatewayBenchmark() {
    }

    public static void main(String[] args) {
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        Duration round = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
        int rounds = Integer.getInteger("bench.rounds", 2);
        // the gateway's JIT needs far longer than a backend this small to settle: -Dbench.warmup=60 to see steady state
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", (int) round.toSeconds()));
        // -Dbench.compare=true: also a gateway with the observations it had before (security, client), same run
        boolean compare = Boolean.getBoolean("bench.compare");
        // -Dbench.bare=true: also a bare Reactor Netty proxy (pooled client, no filters), the ceiling of any proxy here
        boolean bare = Boolean.getBoolean("bench.bare");

        DisposableServer backend = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get(PATH, (request, response) -> response.status(HttpResponseStatus.OK)
                        .header("Content-Type", "application/json").sendByteArray(Mono.just(BODY))))
                .bindNow();
        String backendUri = "http://127.0.0.1:" + backend.port();
        ConfigurableApplicationContext gateway = startGateway(backendUri);
        ConfigurableApplicationContext before = compare ? startGateway(backendUri,
                "--stadtportal.gateway.observations.security=true",
                "--spring.cloud.gateway.server.webflux.observability.enabled=true",
                "--spring.cloud.gateway.server.webflux.route-filter-cache-enabled=false") : null;
        DisposableServer bareProxy = bare ? bareProxy(backendUri) : null;

        ConnectionProvider pool = ConnectionProvider.builder("bench").maxConnections(concurrency * 2)
                .pendingAcquireMaxCount(-1).build();
        HttpClient client = HttpClient.create(pool);
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("direct", backendUri + PATH);
        targets.put("gateway", "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port") + PATH);
        if (before != null) {
            targets.put("before", "http://127.0.0.1:" + before.getEnvironment().getProperty("local.server.port") + PATH);
        }
        if (bareProxy != null) {
            targets.put("bare", "http://127.0.0.1:" + bareProxy.port() + PATH);
        }
        try {
            System.out.printf(Locale.ROOT, "warming up (%d s each)…%n", warmup.toSeconds());
            targets.values().forEach(url -> drive(client, url, concurrency, warmup));

            Map<String, Result> totals = new LinkedHashMap<>();
            targets.keySet().forEach(name -> totals.put(name, Result.EMPTY));
            for (int i = 1; i <= rounds; i++) {
                for (Map.Entry<String, String> target : targets.entrySet()) {
                    Result r = drive(client, target.getValue(), concurrency, round);
                    System.out.printf(Locale.ROOT, "round %d  %-7s %s%n", i, target.getKey(), r);
                    totals.merge(target.getKey(), r, Result::plus);
                }
            }
            System.out.printf(Locale.ROOT, "%nGET %s, concurrency %d, %d rounds of %d s, warm-up %d s, %d cores%n", PATH,
                    concurrency, rounds, round.toSeconds(), warmup.toSeconds(),
                    Runtime.getRuntime().availableProcessors());
            totals.forEach((name, total) -> System.out.printf(Locale.ROOT, "%-8s %s%n", name, total));
            Result direct = totals.get("direct");
            for (String name : totals.keySet()) {
                if (name.equals("direct")) {
                    continue;
                }
                Result proxied = totals.get(name);
                String label = name.equals("gateway") ? "" : " [" + name + "]";
                System.out.printf(Locale.ROOT, "throughput ratio (gateway / direct)%s: %.2f%n", label,
                        proxied.throughput() / direct.throughput());
                System.out.printf(Locale.ROOT, "added median latency%s: %.3f ms%n", label,
                        (proxied.median() - direct.median()) / 1e6);
            }
        } finally {
            gateway.close();
            if (before != null) {
                before.close();
            }
            if (bareProxy != null) {
                bareProxy.disposeNow();
            }
            backend.disposeNow();
            pool.disposeLater().block();
        }
        System.exit(0);
    }

    /** Forwards every GET to the backend over a pooled client and nothing else. */
    private static DisposableServer bareProxy(String backend) {
        HttpClient upstream = HttpClient.create(ConnectionProvider.create("bare", 500)).baseUrl(backend);
        return HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> upstream.get().uri(request.uri())
                        .responseSingle((status, body) -> body.asByteArray()
                                .flatMap(bytes -> response.status(status.status())
                                        .header("Content-Type", status.responseHeaders().get("Content-Type"))
                                        .sendByteArray(Mono.just(bytes)).then())))
                .bindNow();
    }

    private static ConfigurableApplicationContext startGateway(String backend, String... extra) {
        return startGateway(backend, 0, extra);
    }

    /** The real gateway, every filter on, routing all three backends to {@code backend}. */
    static ConfigurableApplicationContext startGateway(String backend, int port, String... extra) {
        Map<String, Object> properties = new HashMap<>(Tokens.trustProperties());
        properties.put("server.port", port);
        properties.put("management.server.port", 0);
        properties.put("stadtportal.gateway.content-uri", backend);
        properties.put("stadtportal.gateway.events-uri", backend);
        properties.put("stadtportal.gateway.search-uri", backend);
        // one client address drives all the load: lift its read allowance so the limiter is passed, not hit
        properties.put("stadtportal.gateway.rate-limit.reads.capacity", Long.MAX_VALUE / 4);
        properties.put("logging.level.root", "WARN");
        // as command-line arguments, so they win over application.yml like an operator's settings would
        String[] arguments = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
        arguments = java.util.stream.Stream.concat(Arrays.stream(arguments), Arrays.stream(extra)).toArray(String[]::new);
        return new SpringApplicationBuilder(GatewayServiceApplication.class).web(WebApplicationType.REACTIVE)
                .run(arguments);
    }

    private static Result drive(HttpClient client, String url, int concurrency, Duration duration) {
        long[] latencies = new long[8_000_000];
        AtomicInteger count = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Flux.range(0, concurrency)
                .flatMap(worker -> Mono.defer(() -> {
                    long sent = System.nanoTime();
                    return client.get().uri(url)
                            .responseSingle((response, body) -> body.asByteArray().thenReturn(response.status().code()))
                            .doOnNext(status -> {
                                if (status != 200) {
                                    failures.incrementAndGet();
                                }
                                int slot = count.getAndIncrement();
                                if (slot < latencies.length) {
                                    latencies[slot] = System.nanoTime() - sent;
                                }
                            })
                            .onErrorResume(error -> {
                                failures.incrementAndGet();
                                return Mono.empty();
                            });
                }).repeat(() -> System.nanoTime() < end).then(), concurrency)
                .blockLast();
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = Math.min(count.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Result(n, seconds, failures.get(), sorted);
    }

    private record Result(long requests, double seconds, long failures, long[] sortedLatencies) {

        static final Result EMPTY = new Result(0, 0, 0, new long[0]);

        double throughput() {
            return requests / seconds;
        }

        double median() {
            return percentile(0.50);
        }

        double percentile(double p) {
            if (sortedLatencies.length == 0) {
                return Double.NaN;
            }
            return sortedLatencies[(int) Math.min(sortedLatencies.length - 1, Math.floor(p * sortedLatencies.length))];
        }

        Result plus(Result other) {
            long[] merged = new long[sortedLatencies.length + other.sortedLatencies.length];
            System.arraycopy(sortedLatencies, 0, merged, 0, sortedLatencies.length);
            System.arraycopy(other.sortedLatencies, 0, merged, sortedLatencies.length, other.sortedLatencies.length);
            Arrays.sort(merged);
            return new Result(requests + other.requests, seconds + other.seconds, failures + other.failures, merged);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%9.0f req/s  median %.3f ms  p99 %.3f ms  failures %d", throughput(),
                    median() / 1e6, percentile(0.99) / 1e6, failures);
        }
    }
}
