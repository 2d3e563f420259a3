package de.stadtportal.bench.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load generator: {@code wrk} from Debian's packages, a separate process, driven with the Lua
 * scripts in {@code src/test/resources/bench/}, whose {@code done} hook prints the figures as one
 * JSON line starting with {@code WRK }.
 */
final class Wrk {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path scripts;

    private Wrk(Path scripts) {
        this.scripts = scripts;
    }

    /** Checks that wrk is installed and unpacks the scripts; fails with what to do when it is not. */
    static Wrk find() {
        try {
            Process version = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            version.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed: ./stadtportal bench installs it "
                    + "(Debian package wrk), or install it yourself", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            Path scripts = Files.createTempDirectory("stadtportal-wrk");
            for (String script : List.of("read.lua", "write-events.lua")) {
                try (InputStream in = Wrk.class.getResourceAsStream("/bench/" + script)) {
                    Files.write(scripts.resolve(script), in.readAllBytes());
                }
            }
            return new Wrk(scripts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same GET for {@code seconds} from {@code connections} connections on two threads. */
    Result read(String url, int connections, int seconds, String... headers) {
        return run("read.lua", url, connections, seconds, List.of(headers), List.of());
    }

    /** Creates events as fast as {@code connections} connections allow, for {@code seconds}. */
    Result writeEvents(String gateway, int connections, int seconds, List<String> arguments) {
        return run("write-events.lua", gateway, connections, seconds, List.of(), arguments);
    }

    private Result run(String script, String url, int connections, int seconds, List<String> headers,
            List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t", String.valueOf(Math.min(2, connections)),
                "-c", String.valueOf(connections), "-d", seconds + "s", "--timeout", "10s", "--latency",
                "-s", scripts.resolve(script).toString()));
        for (String header : headers) {
            command.add("-H");
            command.add(header);
        }
        command.add(url);
        if (!arguments.isEmpty()) {
            command.add("--");
            command.addAll(arguments);
        }
        try {
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
                throw new IllegalStateException("wrk failed: " + output);
            }
            String line = output.lines().filter(l -> l.startsWith("WRK ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("wrk printed no figures: " + output));
            return new Result(JSON.readTree(line.substring(4)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What one wrk run measured. */
    record Result(JsonNode figures) {

        long requests() {
            return figures.path("requests").asLong();
        }

        double perSecond() {
            return requests() / (figures.path("durationUs").asLong() / 1e6);
        }

        double medianMs() {
            return figures.path("p50Us").asLong() / 1000.0;
        }

        double p95Ms() {
            return figures.path("p95Us").asLong() / 1000.0;
        }

        double p99Ms() {
            return figures.path("p99Us").asLong() / 1000.0;
        }

        /** Answers that were no 2xx/3xx, plus connections that failed or timed out. */
        long failures() {
            return figures.path("non2xx").asLong() + figures.path("connectErrors").asLong()
                    + figures.path("readErrors").asLong() + figures.path("writeErrors").asLong()
                    + figures.path("timeouts").asLong();
        }

        long created() {
            return figures.path("created").asLong();
        }

        long refused() {
            return figures.path("refused").asLong();
        }
    }
}
