package de.stadtportal.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client speaking to the platform only through its front door, as an app does. Every exchange is
 * held to the platform's API documents ({@link ApiContract}): a request or an answer they do not
 * describe fails the test with the validator's report.
 */
final class Gateway {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** What an app accepts: its JSON, and the problem documents every error answers with. */
    private static final String ACCEPT = "application/json, application/problem+json";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String base;
    private final ApiContract contract;

    Gateway(String base) {
        // loaded now, while every service is up, so that a drill that stops one later still has its document
        this(base, ApiContract.of(base));
    }

    private Gateway(String base, ApiContract contract) {
        this.base = base;
        this.contract = contract;
    }

    /**
     * A client of an address outside the public API (a management port, a backend's own port), which
     * no API document describes: nothing it exchanges is validated.
     */
    static Gateway outsideTheApi(String base) {
        return new Gateway(base, null);
    }

    record Answer(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
    }

    /** A body that is no JSON (an iCalendar file, say), sent as it is with its own content type. */
    record Text(String contentType, String text) {
    }

    Answer get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    /** A request as a well-behaved client sends it: request and answer are validated. */
    Answer send(String method, String path, String token, Object body, Map<String, String> headers) {
        Map<String, String> sent = new LinkedHashMap<>();
        if (headers.keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
            sent.put("Accept", ACCEPT);
        }
        return exchange(method, path, token, bytes(body, sent), false, headers, sent, false);
    }

    /**
     * A request a test sends against the documents on purpose (a write without a token, say), as
     * {@link #send} sends it; only the answer is validated.
     */
    Answer sendHostile(String method, String path, String token, Object body, Map<String, String> headers) {
        Map<String, String> sent = new LinkedHashMap<>();
        if (headers.keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
            sent.put("Accept", ACCEPT);
        }
        return exchange(method, path, token, bytes(body, sent), false, headers, sent, true);
    }

    /** The body's bytes, its content type put into {@code sent}: JSON unless it is a {@link Text}. */
    private static byte[] bytes(Object body, Map<String, String> sent) {
        if (body == null) {
            return null;
        }
        if (body instanceof Text text) {
            sent.put("Content-Type", text.contentType());
            return text.text().getBytes(StandardCharsets.UTF_8);
        }
        sent.put("Content-Type", "application/json");
        return JSON.writeValueAsBytes(body);
    }

    /**
     * A request sent broken on purpose (the hostile suites): sent exactly as given, with no header
     * added; only the answer is validated, since the request is not meant to keep to the document.
     */
    Answer sendHostile(String method, String path, String token, String contentType, byte[] body, boolean chunked,
            Map<String, String> headers) {
        Map<String, String> sent = new LinkedHashMap<>();
        if (contentType != null) {
            sent.put("Content-Type", contentType);
        }
        return exchange(method, path, token, body, chunked, headers, sent, true);
    }

    private Answer exchange(String method, String path, String token, byte[] body, boolean chunked,
            Map<String, String> headers, Map<String, String> sent, boolean hostile) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, publisher);
        if (token != null) {
            sent.put("Authorization", "Bearer " + token);
        }
        sent.putAll(headers);
        sent.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (contract != null) {
                contract.judge(new ApiContract.Exchange(method, path, sent,
                        body == null ? null : new String(body, StandardCharsets.UTF_8), hostile), response);
            }
            String text = response.body();
            JsonNode json = text == null || text.isBlank() || !text.trim().startsWith("{") && !text.trim().startsWith("[")
                    ? JSON.createObjectNode() : JSON.readTree(text);
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json,
                    response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
