package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Forwarded headers written by a client, and floods of forged tokens, through the gateway of the
 * running platform. The platform trusts no proxy (as {@code ./stadtportal up} does), so nothing a
 * client writes in {@code X-Forwarded-For}, {@code Forwarded}, {@code X-Real-IP} or the like may
 * give it another rate-limit bucket, another scheme (HSTS) or a 5xx.
 * <p>
 * The requests come from loopback addresses that no other test uses ({@code 127.0.42.x}, any of
 * 127.0.0.0/8 reaches the gateway), so the budget of {@code 127.0.0.1}, which the other classes of
 * this shared platform spend, stays untouched; an address's write bucket is full again a minute
 * after this class emptied it.
 */
class HostileProxyHeadersIT {

    /** The platform's write allowance per client and minute (the gateway's default, RATE_LIMIT_WRITES). */
    private static final int WRITES_PER_MINUTE = 300;
    /** More than the allowance plus what refills while they are sent: a fresh bucket per request would never run dry. */
    private static final int MOST_ATTEMPTS = 3 * WRITES_PER_MINUTE;

    private static URI gateway;

    @BeforeAll
    static void thePlatform() {
        gateway = URI.create(RunningPlatform.get().gatewayUrl());
    }

    @Test
    void a_flood_of_forged_tokens_each_from_another_forwarded_address_runs_into_429() {
        String forged = PlatformIssuer.of(RunningPlatform.get()).badSignatureEditorOf("bochum");
        List<Map<String, String>> disguises = disguises();
        int refusedAt = -1;
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < MOST_ATTEMPTS && refusedAt < 0; attempt++) {
            String n = Integer.toString(attempt % 250 + 1);
            Map<String, String> headers = new LinkedHashMap<>(disguises.get(attempt % disguises.size()));
            headers.replaceAll((name, value) -> value.replace("N", n));
            headers.put("Authorization", "Bearer " + forged);
            Answer answer = send("127.0.42.1", "POST", "/api/cities/bochum/articles", headers);
            statuses.add(answer.status());
            assertThat(answer.status()).as("attempt %d with %s: %s", attempt, headers, answer.body()).isIn(401, 429);
            if (answer.status() == 429) {
                refusedAt = attempt;
                assertThat(answer.header("retry-after")).isNotBlank();
                assertThat(answer.header("content-type")).startsWith("application/problem+json");
            }
        }

        System.out.printf("HostileProxyHeadersIT: first 429 after %d forged writes, each in one of %d disguises%n",
                refusedAt, disguises.size());
        assertThat(refusedAt).as("a fresh bucket for every forwarded address: never refused (%s)",
                statuses.subList(Math.max(0, statuses.size() - 5), statuses.size())).isGreaterThanOrEqualTo(
                WRITES_PER_MINUTE);
    }

    @TestFactory
    Stream<DynamicTest> a_forwarded_header_a_client_writes_changes_neither_the_answer_nor_the_scheme() {
        return disguises().stream().map(headers -> dynamicTest(headers.toString(), () -> {
            Answer answer = send("127.0.42.2", "GET", "/api/cities/bochum", headers);

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.header("strict-transport-security")).as("HSTS over plain http").isNull();
        }));
    }

    /** Ways to pose as another client; {@code N} is replaced by a number that changes with every request. */
    private static List<Map<String, String>> disguises() {
        List<Map<String, String>> disguises = new ArrayList<>();
        disguises.add(Map.of("X-Forwarded-For", "198.51.100.N"));
        disguises.add(Map.of("X-Forwarded-For", "198.51.100.N, 127.0.0.1"));
        disguises.add(Map.of("X-Forwarded-For", "127.0.0.1, 10.0.0.N"));
        disguises.add(Map.of("X-Forwarded-For", "2001:db8::N", "X-Forwarded-Proto", "https"));
        disguises.add(Map.of("X-Forwarded-For", "[2001:db8:N::1]:443"));
        disguises.add(Map.of("X-Forwarded-For", "unknown, _hiddenN, evilN.example"));
        disguises.add(Map.of("X-Forwarded-For", String.join(", ", Collections.nCopies(300, "203.0.113.N"))));
        disguises.add(Map.of("Forwarded", "for=198.51.100.N;proto=https"));
        disguises.add(Map.of("Forwarded", "for=\"[2001:db8:cafe::N]:4711\";proto=https, for=127.0.0.1"));
        disguises.add(Map.of("Forwarded", "for=unknown, for=_obfN, for=\"198.51.100.N, for=1.2.3.4\""));
        disguises.add(Map.of("X-Real-IP", "198.51.100.N"));
        disguises.add(Map.of("True-Client-IP", "198.51.100.N"));
        disguises.add(Map.of("CF-Connecting-IP", "198.51.100.N"));
        disguises.add(Map.of("X-Client-IP", "198.51.100.N", "X-Cluster-Client-IP", "198.51.100.N"));
        disguises.add(Map.of("X-Forwarded-Host", "evilN.example", "X-Forwarded-Port", "443",
                "X-Forwarded-Proto", "https", "X-Forwarded-Prefix", "/N"));
        disguises.add(Map.of("X-Forwarded-For", "198.51.100.N%00, not an address N, 1.2.3"));
        return disguises;
    }

    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * One HTTP/1.1 request over a socket bound to {@code localAddress}: the JDK's HTTP client of
     * Java 17 cannot choose the address it connects from.
     */
    private static Answer send(String localAddress, String method, String path, Map<String, String> headers) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            // to the gateway's IPv4 loopback address: a socket bound to 127.0.42.x cannot reach ::1
            socket.connect(new InetSocketAddress("127.0.0.1", gateway.getPort()), 2_000);
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder()
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(gateway.getHost()).append(':').append(gateway.getPort()).append("\r\n")
                    .append("Accept: application/json\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (method.equals("POST")) {
                request.append("Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            } else {
                request.append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return answer(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " from " + localAddress + " failed", e);
        }
    }

    private static Answer answer(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return new Answer(status, headers, end < 0 ? "" : text.substring(end + 4));
    }
}
