package de.stadtportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.testing.security.Tokens;
import de.stadtportal.testing.security.TrustTestTokens;
import de.stadtportal.web.security.TokenSecurityConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@TrustTestTokens
class SharedWebBehaviourIT {

    private static final String NOTES = "/api/cities/bochum/notes";

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");
    private static final Pattern CHUNKED = Pattern.compile("(?im)^transfer-encoding:\\s*chunked");

    @Autowired WebTestClient web;

    @Autowired MeterRegistry meters;

    @LocalServerPort int port;

    @Test
    void a_request_is_observed_once_and_not_at_every_step_of_security() {
        web.post().uri(NOTES).headers(h -> h.setBearerAuth(editor().sign()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Beobachtet"))
                .exchange()
                .expectStatus().isOk();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(meters.find("http.server.requests")
                .tag("uri", "/api/cities/{city}/notes").tag("method", "POST").timers()).isNotEmpty());
        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security."));
    }

    @Test
    void a_write_without_a_token_is_401_problem() {
        web.post().uri(NOTES).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Hallo"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.instance").isEqualTo(NOTES);
    }

    @Test
    void every_token_that_is_forged_foreign_or_out_of_time_is_401_with_the_same_detail() {
        byte[] publicKey = Tokens.pem(Tokens.trustedPublicKey()).getBytes(StandardCharsets.US_ASCII);
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("forged", editor().forged().sign());
        refused.put("expired", editor().expired().sign());
        refused.put("not yet valid", editor().notYetValid().sign());
        refused.put("another issuer", editor().issuer("https://elsewhere.example").sign());
        refused.put("no issuer", editor().issuer(null).sign());
        refused.put("another audience", editor().audience("another-platform").sign());
        refused.put("no audience", editor().audience().sign());
        refused.put("alg none", editor().unsigned());
        refused.put("HS256 with the public key as secret", editor().hmacSigned(publicKey));
        refused.put("not a jwt", "not-a-jwt");
        refused.forEach((what, token) -> web.post().uri(NOTES).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Hallo"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).as(what)
                        .isEqualTo(TokenSecurityConfiguration.UNAUTHORIZED_DETAIL)));
        assertThat(refused).hasSize(10);
        post(editor().sign(), Map.of("title", "Hallo")).expectStatus().isOk();
    }

    @Test
    void a_token_for_several_audiences_is_taken_when_one_of_them_is_this_platform() {
        post(editor().audience("another-platform", Tokens.AUDIENCE).sign(), Map.of("title", "Hallo"))
                .expectStatus().isOk();
    }

    private static Tokens.Builder editor() {
        return Tokens.builder().roles("editor").cities("bochum");
    }

    @Test
    void an_editor_of_dortmund_cannot_write_to_bochum_but_an_editor_of_bochum_and_an_admin_can() {
        post(Tokens.editor("dortmund"), Map.of("title", "Hallo")).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post(Tokens.editor("bochum"), Map.of("title", "Hallo")).expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Hallo");
        post(Tokens.admin(), Map.of("title", "Hallo")).expectStatus().isOk();
    }

    @Test
    void invalid_fields_are_listed_in_the_problem() {
        post(Tokens.editor("bochum"), Map.of("title", "", "stars", -1))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'title')]").exists()
                .jsonPath("$.errors[?(@.field == 'stars')]").exists();
    }

    @Test
    void malformed_json_and_wrong_types_are_400_naming_the_field() {
        web.post().uri(NOTES).headers(h -> h.setBearerAuth(Tokens.editor("bochum")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\": ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("JSON"));
        web.post().uri(NOTES).headers(h -> h.setBearerAuth(Tokens.editor("bochum")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\": \"Hallo\", \"tags\": \"kein-array\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("tags");
    }

    @Test
    void json_is_taken_as_typed_and_text_no_store_can_keep_is_refused() {
        for (String body : new String[] {
                "{\"title\": 42}", "{\"title\": true}", "{\"title\": \"a\\u0000b\"}", "{\"title\": \"a\\ud800b\"}",
                "{\"title\": \"Hallo\", \"tags\": [1, 2]}", "{\"title\": \"Hallo\", \"publishAt\": 12}",
                "{\"title\": \"Hallo\", \"publishAt\": \"+999999999-12-31T23:59:59+18:00\"}",
                "{\"title\": \"Hallo\", \"publishAt\": \"morgen\"}"}) {
            web.post().uri(NOTES).headers(h -> h.setBearerAuth(Tokens.editor("bochum")))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").value(field -> assertThat((String) field)
                            .as(body).isIn("title", "tags[0]", "publishAt"));
        }
        post(Tokens.editor("bochum"), Map.of("title", "Grüße 👋", "publishAt", "2027-03-20T19:00:00+01:00"))
                .expectStatus().isOk();
    }

    @Test
    void query_parameters_with_nul_and_paths_the_firewall_refuses_are_400_problems() {
        web.get().uri(NOTES + "?cursor={c}", "a\u0000b").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        web.get().uri(NOTES + "?cursor=YzEfAA").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/cities/bochum;x=1/notes").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.method(org.springframework.http.HttpMethod.TRACE).uri(NOTES).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_body_over_256_kib_is_413() {
        String huge = "{\"title\": \"" + "x".repeat(300 * 1024) + "\"}";
        web.post().uri(NOTES).headers(h -> h.setBearerAuth(Tokens.editor("bochum")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(huge)
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_chunked_body_is_bounded_too_even_where_the_handler_never_reads_it() {
        int before = WebTestApplication.Notes.RECOUNTS.get();
        web.post().uri(NOTES + "/recount").headers(h -> h.setBearerAuth(Tokens.editor("bochum")))
                .contentType(MediaType.APPLICATION_JSON).body(chunked("x".repeat(300 * 1024)))
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(WebTestApplication.Notes.RECOUNTS.get()).isEqualTo(before);

        web.post().uri(NOTES + "/recount").headers(h -> h.setBearerAuth(Tokens.editor("bochum")))
                .contentType(MediaType.APPLICATION_JSON).body(chunked("{}"))
                .exchange().expectStatus().isAccepted();
        assertThat(WebTestApplication.Notes.RECOUNTS.get()).isEqualTo(before + 1);
        web.post().uri(NOTES).headers(h -> h.setBearerAuth(Tokens.editor("bochum")))
                .contentType(MediaType.APPLICATION_JSON).body(chunked("{\"title\": \"Zeche Hannover\"}"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("Zeche Hannover");
    }

    /** A body sent in 8 KiB chunks without a length, as a streaming client sends it. */
    private static BodyInserter<Flux<DataBuffer>, ReactiveHttpOutputMessage> chunked(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        return BodyInserters.fromDataBuffers(Flux.range(0, (bytes.length + 8191) / 8192)
                .map(i -> buffers.wrap(Arrays.copyOfRange(bytes, i * 8192, Math.min(bytes.length, (i + 1) * 8192)))));
    }

    @Test
    void etags_give_304_and_updates_need_a_matching_if_match() {
        String etag = web.get().uri(NOTES + "/current").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();
        web.get().uri(NOTES + "/current").ifNoneMatch(etag).exchange().expectStatus().isNotModified();

        put(null).expectStatus().isEqualTo(428).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        put("\"stale\"").expectStatus().isEqualTo(412).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        put(etag).expectStatus().isOk();
    }

    @Test
    void limits_over_100_and_garbage_cursors_are_400_and_cursors_round_trip() {
        web.get().uri(NOTES + "?limit=101").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        web.get().uri(NOTES + "?limit=abc").exchange().expectStatus().isBadRequest();
        web.get().uri(NOTES + "?cursor=%27%3B%20drop%20table").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        String next = web.get().uri(NOTES + "?limit=5").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("next").toString();
        web.get().uri(NOTES + "?cursor=" + next).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0]").isEqualTo("after:n-5");
    }

    @Test
    void an_unexpected_failure_is_a_500_problem_without_internals() {
        web.get().uri("/api/broken").exchange()
                .expectStatus().is5xxServerError()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("secret internal detail")
                        .doesNotContain("Exception"));
    }

    @Test
    void an_unknown_path_is_a_404_problem_and_the_callers_trace_is_continued_or_a_new_one_started() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        // the answer names this service's span within the caller's trace
        web.get().uri("/api/nothing-here").header("traceparent", traceparent).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
                .expectHeader().value("traceparent", answered -> assertThat(answered).isNotEqualTo(traceparent));
        // a new trace, sampled or not (TRACING_SAMPLING_PROBABILITY decides)
        web.get().uri(NOTES).exchange().expectHeader().valueMatches("traceparent", "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    /**
     * A request that arrives while the one before it is still being finished is queued; once both are
     * answered the connection must be read again. Reactor Netty 1.3.6 stopped reading when the queued
     * request was answered at once (a refused write is), so the client's next request on that
     * connection never got an answer.
     */
    @Test
    void a_keep_alive_connection_is_read_again_after_a_queued_request_is_refused_at_once() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("GET " + NOTES + "/slow HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "POST " + NOTES + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusLines(in, 2)).containsExactly("HTTP/1.1 200 OK", "HTTP/1.1 401 Unauthorized");

            out.write(("GET " + NOTES + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusLines(in, 1)).containsExactly("HTTP/1.1 200 OK");
        }
    }

    /** Reads answers until {@code count} have arrived whole, and returns their status lines. */
    private static List<String> statusLines(InputStream in, int count) throws IOException {
        StringBuilder received = new StringBuilder();
        byte[] buffer = new byte[8192];
        List<String> answered = List.of();
        while (answered.size() < count) {
            int read = in.read(buffer);
            assertThat(read).as("the connection closed after: %s", received).isPositive();
            received.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            answered = wholeAnswers(received.toString());
        }
        return answered;
    }

    /**
     * The status lines of the answers the text (one char per byte) holds whole: a body has a
     * content-length or is chunked, and chunked JSON never holds the blank line that ends the last chunk.
     */
    private static List<String> wholeAnswers(String text) {
        List<String> answers = new ArrayList<>();
        int at = 0;
        while (true) {
            int headersEnd = text.indexOf("\r\n\r\n", at);
            if (headersEnd < 0) {
                return answers;
            }
            String headers = text.substring(at, headersEnd);
            Matcher length = CONTENT_LENGTH.matcher(headers);
            int bodyEnd;
            if (length.find()) {
                bodyEnd = headersEnd + 4 + Integer.parseInt(length.group(1));
            } else if (CHUNKED.matcher(headers).find()) {
                int lastChunk = text.indexOf("\r\n0\r\n\r\n", headersEnd);
                bodyEnd = lastChunk < 0 ? Integer.MAX_VALUE : lastChunk + 7;
            } else {
                bodyEnd = headersEnd + 4;
            }
            if (text.length() < bodyEnd) {
                return answers;
            }
            answers.add(headers.lines().findFirst().orElseThrow());
            at = bodyEnd;
        }
    }

    private WebTestClient.ResponseSpec post(String token, Map<String, Object> body) {
        return web.post().uri(NOTES).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec put(String ifMatch) {
        return web.put().uri(NOTES + "/current").headers(h -> {
            h.setBearerAuth(Tokens.editor("bochum"));
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Neu")).exchange();
    }
}
