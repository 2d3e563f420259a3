package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.launcher.LocalPlatform;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * What every fault drill shares: writers that publish articles and events of Bochum through the
 * gateway while the drill breaks something, each write marked with the drill's own word, and the
 * checks afterwards — every accepted write is found by search exactly once, every refused write
 * left nothing, and every answer was a success or a 503 problem, never a 500 or no answer at all.
 * <p>
 * Each writer (and the drill's reader) has a token of the platform's identity provider, each from
 * another of the test platform's machine clients and so of its own subject: the gateway's rate
 * limits (per subject) never refuse a drill's request.
 */
final class FaultDrill {

    static final String CITY = "bochum";

    /**
     * {@code ./mvnw verify} runs each drill short; {@code -Dstadtportal.drills=full} (or
     * {@code ./stadtportal drills}) runs it at the size issue 8 names: thousands of writes, longer outages.
     */
    static final boolean FULL = "full".equalsIgnoreCase(System.getProperty("stadtportal.drills", "short"));

    /** How many editors write at once. */
    static final int WRITERS = size(4, 20);

    /**
     * The pause between one editor's writes. At full size, twenty writers 350 ms apart stay within
     * the gateway's 300 writes a minute per editor (an article is two requests).
     */
    static final Duration PACE = size(Duration.ofMillis(100), Duration.ofMillis(350));

    /**
     * Up to how many documents the drill reads what search finds through its API; past that, from its index.
     * Search lists every match only while its estimate from a 32nd of the documents (fixed by a hash of
     * each key) stays within the 1,000 it counts exactly, that is while fewer than 32 of the word's
     * documents fall into that 32nd. For 815 documents that fails one time in nine (binomial tail), and
     * the API then rightly lists a bounded set; for 500, one time in 7,000.
     */
    private static final int LISTED_BY_SEARCH = 500;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final LocalPlatform platform;
    private final Gateway gateway;
    private final String marker;
    private final String reader;
    /** The number of the drill's next write, across all its writers: each write's slug and title are its own. */
    private final AtomicInteger numbers = new AtomicInteger();

    FaultDrill(String name) {
        this.platform = RunningPlatform.get();
        this.gateway = new Gateway(platform.gatewayUrl());
        this.marker = name + letters(8);
        this.reader = platform.token("editor", CITY);
    }

    LocalPlatform platform() {
        return platform;
    }

    Gateway gateway() {
        return gateway;
    }

    /** A token of the platform's provider; consecutive ones come from different machine clients (subjects). */
    String token(String role, String cities) {
        return platform.token(role, cities);
    }

    /** The short or the full size of a drill's figure. */
    static <T> T size(T short_, T full) {
        return FULL ? full : short_;
    }

    /** The word in the title of every write of this drill, and nowhere else on the platform. */
    String marker() {
        return marker;
    }

    /** Lower-case letters only, so the text search takes the word as one plain word. */
    static String letters(int count) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < count; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    // ---------------------------------------------------------------- writing

    /** An article, an event, or {@link #EVENTS_PER_BATCH} events in one request ({@code POST /api/events/batch}). */
    enum Kind { ARTICLE, EVENT, EVENTS }

    static final int EVENTS_PER_BATCH = 3;

    /**
     * One write as the client saw it. An article is two requests (create the draft, publish it) and
     * counts as accepted when both were; a batch of events is one request, all or none; {@code status}
     * is the answer that decided, {@code -1} when no answer came within the client's timeout.
     * {@code ids} are what it created (a draft's id when its publication was refused; none otherwise).
     */
    record Write(Kind kind, int number, String slug, List<String> ids, int status, String contentType, String body,
            Instant answeredAt) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }

        /** How many documents the write is for: the ones search holds once it is accepted. */
        int documents() {
            return kind == Kind.EVENTS ? EVENTS_PER_BATCH : 1;
        }

        String describe() {
            return kind + " #" + number + (slug == null ? "" : " (" + slug + ")") + " → " + status + " " + contentType
                    + " " + body;
        }
    }

    /**
     * Starts {@code writers} writers, each making one write, then pausing {@code pause},
     * until {@code quota} writes were made in all (or {@link Writers#stop} is called). Articles, events
     * and batches of events take turns.
     */
    Writers write(int writers, int quota, Duration pause) {
        return new Writers(writers, quota, pause);
    }

    final class Writers implements AutoCloseable {

        private final ScheduledExecutorService executor;
        private final AtomicInteger claimed = new AtomicInteger();
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicLong accepted = new AtomicLong();
        private final List<Write> writes = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch finished;
        private final String venueId;

        private Writers(int writers, int quota, Duration pause) {
            JsonNode venues = gateway.get("/api/venues?city=" + CITY + "&limit=1").body();
            this.venueId = venues.path("items").get(0).path("id").asString();
            this.executor = Executors.newScheduledThreadPool(writers);
            this.finished = new CountDownLatch(writers);
            for (int w = 0; w < writers; w++) {
                String token = platform.token("editor", CITY);
                executor.scheduleWithFixedDelay(new Runnable() {
                    private boolean done;

                    @Override
                    public void run() {
                        if (done) {
                            return;
                        }
                        if (claimed.getAndIncrement() >= quota) {
                            done = true;
                            finished.countDown();
                            return;
                        }
                        int number = numbers.getAndIncrement();
                        Write write = switch (number % 3) {
                            case 0 -> article(token, number);
                            case 1 -> event(token, number, venueId);
                            default -> events(token, number, venueId);
                        };
                        writes.add(write);
                        if (write.accepted()) {
                            accepted.addAndGet(write.documents());
                        }
                        answered.incrementAndGet();
                    }
                }, 0, Math.max(1, pause.toMillis()), TimeUnit.MILLISECONDS);
            }
        }

        /** Writes answered so far (accepted or not). */
        int answered() {
            return answered.get();
        }

        /** Documents of the accepted writes so far: what search has once it caught up. */
        long accepted() {
            return accepted.get();
        }

        /** Waits until every writer made its last write, and answers all writes in the order they were answered. */
        List<Write> awaitAll(Duration timeout) {
            try {
                assertThat(finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS))
                        .as("the writers finished within " + timeout).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            synchronized (writes) {
                return List.copyOf(writes);
            }
        }

        /**
         * Ends the writing: no writer begins another write, the writes under way are answered, and
         * all writes are answered in the order they were answered.
         */
        List<Write> stop(Duration timeout) {
            // periodic tasks end at shutdown; a write under way runs to its answer
            executor.shutdown();
            try {
                assertThat(executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS))
                        .as("the writes under way were answered within " + timeout).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            synchronized (writes) {
                return List.copyOf(writes);
            }
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    private Write article(String token, int number) {
        String slug = marker + "-" + number;
        Map<String, Object> body = Map.of(
                "title", capitalized(marker) + " Schichtwechsel " + number, "topic", "leben", "locale", "de",
                "slug", slug,
                "summary", "Eine Nacht auf der Zeche, aufgeschrieben während einer Übung.",
                "body", "Geschrieben, während etwas **ausfiel**.", "tags", List.of("uebung"));
        Attempt created = send("POST", "/api/cities/" + CITY + "/articles", token, body);
        if (created.status() != 201) {
            return created.as(Kind.ARTICLE, number, slug, List.of());
        }
        String id = created.body().path("id").asString();
        Attempt published = send("POST", "/api/cities/" + CITY + "/articles/" + slug + "/publication", token, Map.of());
        return published.as(Kind.ARTICLE, number, slug, List.of(id));
    }

    private Write event(String token, int number, String venueId) {
        Attempt created = send("POST", "/api/events", token, eventBody(number, 0, venueId));
        return created.as(Kind.EVENT, number, null,
                created.status() == 201 ? List.of(created.body().path("id").asString()) : List.of());
    }

    /** {@link #EVENTS_PER_BATCH} events in one request, as an importer sends a programme: all or none. */
    private Write events(String token, int number, String venueId) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < EVENTS_PER_BATCH; i++) {
            batch.add(eventBody(number, i, venueId));
        }
        Attempt created = send("POST", "/api/events/batch", token, Map.of("events", batch));
        List<String> ids = new ArrayList<>();
        if (created.status() == 201) {
            created.body().path("events").forEach(event -> ids.add(event.path("id").asString()));
        }
        return created.as(Kind.EVENTS, number, null, ids);
    }

    private Map<String, Object> eventBody(int number, int part, String venueId) {
        ZonedDateTime start = ZonedDateTime.now().plusDays(10).withHour(19).withMinute(0).withSecond(0).withNano(0)
                .plusMinutes(number).plusDays(part);
        return Map.of(
                "city", CITY, "venueId", venueId,
                "title", capitalized(marker) + " Grubenkonzert " + number + (part == 0 ? "" : "-" + part),
                "description", "Ein Konzert, angemeldet während einer Übung.", "category", "konzert",
                "start", start.format(ISO), "end", start.plusHours(2).format(ISO),
                "price", Map.of("free", true, "currency", "EUR"));
    }

    private record Attempt(int status, String contentType, JsonNode body, String text) {

        Write as(Kind kind, int number, String slug, List<String> ids) {
            return new Write(kind, number, slug, ids, status, contentType, text, Instant.now());
        }
    }

    private Attempt send(String method, String path, String token, Object body) {
        try {
            Gateway.Answer answer = gateway.send(method, path, token, body, Map.of());
            return new Attempt(answer.status(), answer.contentType(), answer.body(), answer.raw().body());
        } catch (IllegalStateException e) {
            // no answer within the client's 30 s timeout, or the connection broke: a hang as the client sees it
            return new Attempt(-1, "", Gateway.JSON.createObjectNode(), String.valueOf(e.getMessage()));
        }
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    // ---------------------------------------------------------------- checking

    /** Every write was answered, with a success or with a 503 problem: no 500, no other error, no hang. */
    static void assertAnsweredWithSuccessOr503Problem(List<Write> writes) {
        assertAnsweredWithSuccessOrProblem(writes, Set.of(503));
    }

    /** Every write was answered (no hang), with a success or with a problem of one of the given statuses. */
    static void assertAnsweredWithSuccessOrProblem(List<Write> writes, Set<Integer> refusals) {
        List<String> otherwise = writes.stream()
                .filter(write -> !write.accepted() && !(refusals.contains(write.status())
                        && write.contentType().startsWith("application/problem+json")))
                .map(Write::describe)
                .toList();
        assertThat(otherwise).as("writes answered with neither a success nor a problem " + refusals).isEmpty();
    }

    /**
     * Search finds each accepted write under the drill's word exactly once, and nothing else: no
     * duplicate, and no trace of a refused write. A refused article is not readable either.
     */
    void assertEveryAcceptedWriteIsFoundOnceAndRefusedOnesLeftNothing(List<Write> writes, Duration timeout) {
        List<String> acceptedIds = writes.stream().filter(Write::accepted)
                .flatMap(write -> write.ids().stream()).toList();
        try {
            await().atMost(timeout).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                List<String> found = foundIds(acceptedIds.size());
                assertThat(found).as("search hits for " + marker).hasSize(acceptedIds.size())
                        .containsExactlyInAnyOrderElementsOf(acceptedIds);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(missing(acceptedIds), e);
        }
        SoftAssertions refused = new SoftAssertions();
        for (Write write : writes) {
            if (!write.accepted() && write.kind() == Kind.ARTICLE) {
                int status = gateway.send("GET", "/api/cities/" + CITY + "/articles/" + write.slug(),
                        write.ids().isEmpty() ? reader : null, null, Map.of()).status();
                refused.assertThat(status).as("GET the refused " + write.describe()).isEqualTo(404);
            }
        }
        refused.assertAll();
    }

    /**
     * What search finds under the drill's word, once per copy: through its API while it can list
     * {@code expected} hits, from its index beyond that.
     */
    List<String> foundIds(int expected) throws SQLException {
        return expected <= LISTED_BY_SEARCH ? searchIds(marker) : indexedIds(marker);
    }

    /**
     * For a check that failed: which accepted documents search's pages do not list, and which of those
     * its active index holds all the same. So a failure tells a write never indexed from one that is
     * stored but not listed (the ranking or the paging).
     */
    String missing(Collection<String> acceptedIds) {
        try {
            Set<String> listed = new HashSet<>(searchIds(marker));
            Set<String> indexed = new HashSet<>(indexedIds(marker));
            List<String> unlisted = acceptedIds.stream().filter(id -> !listed.contains(id)).toList();
            List<String> stored = unlisted.stream().filter(indexed::contains).toList();
            return "search hits for " + marker + ": " + unlisted.size() + " accepted document(s) not listed by its pages, "
                    + stored.size() + " of them in its active index " + stored + "; the index holds " + indexed.size()
                    + " under the word, its pages list " + listed.size() + ", its first page says " + totalOf(marker);
        } catch (SQLException | RuntimeException e) {
            return "search hits for " + marker + " (what is missing could not be read: " + e + ")";
        }
    }

    /** Every hit for {@code word}, page after page (at most 100 a page), as ids. */
    List<String> searchIds(String word) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8) + "&limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Gateway.Answer answer = gateway.send("GET", path, reader, null, Map.of());
            assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
            answer.body().path("hits").forEach(hit -> ids.add(hit.path("id").asString()));
            JsonNode next = answer.body().path("next");
            cursor = next.isString() && !next.asString().isBlank() ? next.asString() : null;
        } while (cursor != null);
        return ids;
    }

    /**
     * The ids of every document with {@code word} in its title in the generation search answers from,
     * read from search's own database, once per copy (so a duplicate shows twice).
     */
    List<String> indexedIds(String word) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = platform.database("search");
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT d.id FROM search_document d JOIN search_generation g ON g.id = d.generation
                        WHERE g.state = 'active' AND NOT d.removed AND d.title ILIKE ?
                        """)) {
            statement.setString(1, "%" + word + "%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** Search's total for {@code word} and whether it is an estimate (then its pages list a bounded set). */
    private String totalOf(String word) {
        Gateway.Answer answer = firstHit(word);
        return answer.status() != 200 ? "status " + answer.status()
                : "total " + answer.body().path("total").asInt()
                        + ", an estimate " + answer.body().path("totalIsEstimate").asBoolean();
    }

    /** How many documents search knows under {@code word} right now; -1 while search does not answer. */
    int searchTotal(String word) {
        Gateway.Answer answer = firstHit(word);
        return answer.status() == 200 ? answer.body().path("total").asInt() : -1;
    }

    /** Search's answer for {@code word} with one hit: its total without its pages. */
    private Gateway.Answer firstHit(String word) {
        return gateway.send("GET", "/api/search?q=" + word + "&limit=1", reader, null, Map.of());
    }

    /** A one-line summary of the answers, for the test's output. */
    static String tally(List<Write> writes) {
        Map<Integer, Long> byStatus = writes.stream().collect(Collectors.groupingBy(Write::status, HashMap::new,
                Collectors.counting()));
        return writes.size() + " writes, " + writes.stream().filter(Write::accepted).count() + " accepted; by status "
                + byStatus;
    }
}
