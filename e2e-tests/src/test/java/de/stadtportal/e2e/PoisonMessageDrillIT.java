package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.e2e.DeadLetterTopics.DeadLetter;
import de.stadtportal.launcher.LocalPlatform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Fault drill, short version of issue 8's "a poison message on each topic": a record that is no
 * CloudEvent at all is put on each of the four topics, on exactly the partition where the next real
 * change of that topic will land. Each consumer of a topic (search on all four, events on the
 * cities) gives the poison up into {@code <topic>.dlq}, with the original topic and its own group in
 * the headers; then the change is made, and the consumers go on past the poison on that partition:
 * the city, article, venue and event changed behind the poisons are found by search, and the events
 * service learns the new city, so a venue can be opened there.
 * <p>
 * The poisons come as a burst: every partition of a topic is poisoned at once, and the real change is
 * made right after, without waiting for any poison to be dead-lettered first. A consumer that
 * worked records of a partition concurrently used to stall on such a burst and log nothing.
 * <p>
 * An operator is told: the consumers' dead-letter counters, scraped as Prometheus would, make the
 * {@code DeadLetters} alert fire for each topic and consumer ({@link ScrapedAlerts}, promtool).
 */
class PoisonMessageDrillIT {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final Set<String> SEARCH = Set.of("search-service");

    private LocalPlatform platform;
    private Gateway gateway;
    private final List<Poison> poisons = new ArrayList<>();

    /** A poison record, the key of the real change behind it (if any) and the consumer groups that must dead-letter it. */
    private record Poison(String topic, int partition, long offset, String key, String nextKey, Set<String> consumers) {
    }

    @Test
    void a_poison_message_on_each_topic_is_dead_lettered_by_every_consumer_and_the_consumers_go_on() throws Exception {
        FaultDrill drill = new FaultDrill("poisondrill");
        platform = drill.platform();
        gateway = drill.gateway();
        String after = "gegengift" + FaultDrill.letters(8);
        String city = drill.marker() + "-stadt";
        String admin = drill.token("admin", "*");
        String editor = drill.token("editor", "bochum");
        String newCityEditor = drill.token("editor", city);
        List<String> consumers = List.of(platform.managementUrl("search-service"), platform.managementUrl("events-service"));
        ScrapedAlerts deadLetters = new ScrapedAlerts("stadtportal_consumer_dead_letters_total").scrape(consumers);

        // content.cities.v1 (search and events consume it): the new city's event lands behind the poison
        poison("content.cities.v1", city, Set.of("search-service", "events-service"));
        Gateway.Answer cityPut = gateway.send("PUT", "/api/cities/" + city, admin, Map.of(
                "name", capitalized(after) + " Stadt", "claim", "Gegründet nach dem Gift",
                "intro", "Eine Stadt, angekündigt hinter einer vergifteten Nachricht."), Map.of());
        assertThat(cityPut.status()).as(cityPut.raw().body()).isEqualTo(201);

        // content.articles.v1: a draft makes no event; its publication lands behind the poison
        Gateway.Answer draft = gateway.send("POST", "/api/cities/bochum/articles", editor, Map.of(
                "title", capitalized(after) + " im Revier", "topic", "leben", "locale", "de",
                "summary", "Veröffentlicht hinter einer vergifteten Nachricht.", "body", "Es geht **weiter**."), Map.of());
        assertThat(draft.status()).as(draft.raw().body()).isEqualTo(201);
        poison("content.articles.v1", draft.body().path("id").asString(), SEARCH);
        Gateway.Answer published = gateway.send("POST", "/api/cities/bochum/articles/"
                + draft.body().path("slug").asString() + "/publication", editor, Map.of(), Map.of());
        assertThat(published.status()).as(published.raw().body()).isBetween(200, 204);

        // events.venues.v1 and events.events.v1: renaming a venue re-publishes it and every event held there
        Gateway.Answer venue = gateway.send("POST", "/api/venues", editor, venue("bochum", drill.marker() + " Halle"),
                Map.of());
        assertThat(venue.status()).as(venue.raw().body()).isEqualTo(201);
        String venueId = venue.body().path("id").asString();
        ZonedDateTime start = ZonedDateTime.now().plusDays(12).withHour(20).withMinute(0).withSecond(0).withNano(0);
        Gateway.Answer event = gateway.send("POST", "/api/events", editor, Map.of(
                "city", "bochum", "venueId", venueId, "title", capitalized(drill.marker()) + " Grubenkonzert",
                "description", "Ein Konzert in einer Halle, die gleich umbenannt wird.", "category", "konzert",
                "start", start.format(ISO), "end", start.plusHours(2).format(ISO),
                "price", Map.of("free", true, "currency", "EUR")), Map.of());
        assertThat(event.status()).as(event.raw().body()).isEqualTo(201);
        poison("events.venues.v1", venueId, SEARCH);
        poison("events.events.v1", event.body().path("id").asString(), SEARCH);
        String etag = gateway.get("/api/venues/" + venueId).raw().headers().firstValue("ETag").orElseThrow();
        Gateway.Answer renamed = gateway.send("PUT", "/api/venues/" + venueId, editor,
                venue("bochum", capitalized(after) + " Halle"), Map.of("If-Match", etag));
        assertThat(renamed.status()).as(renamed.raw().body()).isEqualTo(200);

        for (Poison poison : poisons) {
            awaitDeadLettered(poison);
        }
        // ... counted where an operator sees it, and the dead-letter alert fires for each topic and consumer
        Set<Map<String, String>> deadLettered = new HashSet<>();
        poisons.forEach(poison -> poison.consumers().forEach(consumer ->
                deadLettered.add(Map.of("application", consumer, "topic", poison.topic()))));
        deadLetters.scrape(consumers);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deadLetters.rescrape(consumers).grown()).isEqualTo(deadLettered));
        deadLetters.scrape(consumers).assertFiresFor("DeadLetters", deadLettered);
        for (Poison poison : poisons.stream().filter(p -> p.nextKey() != null).toList()) {
            assertThat(keysBehind(poison)).as("the records behind the poison on " + poison.topic() + "-" + poison.partition())
                    .contains(poison.nextKey());
        }

        // the consumers went on: every change behind a poison is found
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Long> byType = new LinkedHashMap<>();
            Gateway.Answer answer = gateway.get("/api/search?q=" + after + "&limit=100");
            assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
            for (JsonNode hit : answer.body().path("hits")) {
                byType.merge(hit.path("type").asString(), 1L, Long::sum);
            }
            assertThat(byType).as("hits for " + after + " by type")
                    .containsOnly(Map.entry("city", 1L), Map.entry("article", 1L), Map.entry("venue", 1L),
                            Map.entry("event", 1L));
        });
        // ... and the events service learned the new city, behind the poison on its partition
        int[] attempts = {0};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Gateway.Answer answer = gateway.send("POST", "/api/venues", newCityEditor, venue(city, drill.marker() + " Kaue"),
                    Map.of());
            attempts[0]++;
            assertThat(answer.status()).as(answer.raw().body()).isIn(201, 422);
            return answer.status() == 201;
        });

        System.out.println("Poison message drill: " + poisons.size() + " poisons dead-lettered "
                + poisons.stream().map(p -> p.topic() + "-" + p.partition() + "@" + p.offset()).toList()
                + "; the new city was known to events after " + attempts[0] + " attempt(s)");
    }

    /**
     * Puts bytes that are no CloudEvent on every partition of {@code topic} at once, among them the
     * partition where {@code nextKey}'s record will land (the producers' default partitioning of the
     * aggregate id). Whether every consumer of the topic dead-letters them is checked at the end.
     */
    private void poison(String topic, String nextKey, Set<String> consumers)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            int partitions = producer.partitionsFor(topic).size();
            int target = Utils.toPositive(Utils.murmur2(nextKey.getBytes(StandardCharsets.UTF_8))) % partitions;
            for (int partition = 0; partition < partitions; partition++) {
                String key = "poison-" + UUID.randomUUID();
                byte[] bytes = ("{\"not\": \"a cloud event\", \"garbage\": \u0000" + key).getBytes(StandardCharsets.UTF_8);
                RecordMetadata sent = producer.send(new ProducerRecord<>(topic, partition, key, bytes))
                        .get(30, TimeUnit.SECONDS);
                poisons.add(new Poison(topic, partition, sent.offset(), key, partition == target ? nextKey : null,
                        consumers));
            }
        }
    }

    /** The poison is in its dead-letter topic, from every consumer group of the topic, naming where it came from. */
    private void awaitDeadLettered(Poison poison) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Set<String> groups = new HashSet<>();
            for (DeadLetter letter : DeadLetterTopics.read(platform.kafkaBootstrapServers(), poison.topic() + ".dlq")) {
                if (poison.key().equals(letter.key())) {
                    assertThat(letter.originalTopic()).as("original topic of " + letter).isEqualTo(poison.topic());
                    assertThat(letter.exception()).as("exception of " + letter).isNotBlank();
                    groups.add(letter.consumerGroup());
                }
            }
            assertThat(groups).as("groups that dead-lettered " + poison).isEqualTo(poison.consumers());
        });
    }

    /** The keys of the records after the poison on its partition, so the drill knows a real change sits behind it. */
    private List<String> keysBehind(Poison poison) {
        List<String> keys = new ArrayList<>();
        TopicPartition partition = new TopicPartition(poison.topic(), poison.partition());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        try {
            consumer.assign(List.of(partition));
            consumer.seek(partition, poison.offset() + 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
                return keys.contains(poison.nextKey());
            });
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        }
        return keys;
    }

    private static Map<String, Object> venue(String city, String name) {
        return Map.of("city", city, "name", name,
                "address", Map.of("street", "Zechenstraße 1", "postalCode", "44787", "locality", "Bochum"),
                "geo", Map.of("lat", 51.48, "lon", 7.22));
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
