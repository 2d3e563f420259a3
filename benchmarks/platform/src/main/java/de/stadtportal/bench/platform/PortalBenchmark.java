package de.stadtportal.bench.platform;

import de.stadtportal.launcher.LocalPlatform;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The city page of portal-web under load (SPEC §8: server time p95 at 16 concurrent visitors),
 * measured through the gateway with wrk on the platform as {@code ./stadtportal up} starts it, with
 * the demo data. Its baseline in the same run, in alternating rounds, is the gateway's home
 * aggregate for the same city ({@code /api/cities/bochum/home}: city, highlights, articles and
 * events in one JSON answer, the nearest thing the API has to a page). Also prints the page's
 * HTML size and the portal's script size. Not a test:
 * {@code ./mvnw -q -pl benchmarks/platform -am compile exec:java -Dexec.mainClass=de.stadtportal.bench.platform.PortalBenchmark}.
 */
public final class PortalBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int visitors = Integer.getInteger("bench.visitors", 16);
    private final int seconds = Integer.getInteger("bench.seconds", 20);
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    /**
     * As the platform benchmark's: the gateway's C2 compiler works for about a minute of load before its
     * code is steady (docs/benchmarks.md, Gateway), and six JVMs share the cores while they compile.
     */
    private final int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 60);

    public static void main(String[] args) throws Exception {
        new PortalBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path root = Path.of(System.getProperty("stadtportal.root", "..")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("stadtportal-portal-bench");
        Wrk wrk = Wrk.find();
        LocalPlatform platform = LocalPlatform.forTests(root, home, new PrintStream(OutputStream.nullOutputStream()));
        // one address sends all the load (and portal-web's reads come from the same machine): lift the allowance
        platform.override("gateway-service", Map.of("RATE_LIMIT_READS", "1000000000", "RATE_LIMIT_WRITES", "1000000000"));
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "portal-bench-stop"));
        platform.start();
        platform.loadDemoDataOnce();
        String page = platform.gatewayUrl() + "/bochum";
        String aggregate = platform.gatewayUrl() + "/api/cities/bochum/home";
        String html = get(page, "text/html");
        String script = get(platform.gatewayUrl() + "/assets/portal.js", "*/*");
        System.out.printf("city page: %,d bytes of HTML (bar 60 KB), script %,d bytes (bar 20 KB)%n",
                html.getBytes(StandardCharsets.UTF_8).length, script.getBytes(StandardCharsets.UTF_8).length);

        wrk.read(page, visitors, warmupSeconds, "Accept: text/html");
        wrk.read(aggregate, visitors, warmupSeconds / 2, "Accept: application/json");
        List<Wrk.Result> pages = new ArrayList<>();
        List<Wrk.Result> homes = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            pages.add(report("city page /bochum", wrk.read(page, visitors, seconds, "Accept: text/html")));
            homes.add(report("home aggregate   ", wrk.read(aggregate, visitors, seconds, "Accept: application/json")));
        }
        double pageP95 = pages.stream().mapToDouble(Wrk.Result::p95Ms).average().orElseThrow();
        double homeP95 = homes.stream().mapToDouble(Wrk.Result::p95Ms).average().orElseThrow();
        double pageRate = pages.stream().mapToDouble(Wrk.Result::perSecond).average().orElseThrow();
        double homeRate = homes.stream().mapToDouble(Wrk.Result::perSecond).average().orElseThrow();
        long failures = pages.stream().mapToLong(Wrk.Result::failures).sum() + homes.stream().mapToLong(Wrk.Result::failures).sum();
        System.out.printf("%n| figure (%d visitors, %d × %d s, alternating) | measured | bar |%n|---|---|---|%n", visitors, rounds,
                seconds);
        System.out.printf("| city page server time p95, through the gateway | %.1f ms | ≤ 50 ms |%n", pageP95);
        System.out.printf("| same, home aggregate (baseline) / ratio | %.1f ms / %.2f | – |%n", homeP95, pageP95 / homeP95);
        System.out.printf("| city pages per second / home aggregates per second | %,.0f / %,.0f (%.2f) | – |%n", pageRate, homeRate,
                pageRate / homeRate);
        System.out.printf("| failed requests | %d | 0 |%n", failures);
        platform.close();
    }

    private static Wrk.Result report(String what, Wrk.Result result) {
        System.out.printf("%s: %,.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, failures %d%n", what,
                result.perSecond(), result.medianMs(), result.p95Ms(), result.p99Ms(), result.failures());
        return result;
    }

    private static String get(String url, String accept) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + answer.statusCode());
        }
        return answer.body();
    }
}
