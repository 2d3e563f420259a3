package de.stadtportal.testing.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what really arrived on a topic, from its beginning, with a consumer group of its own.
 * Tests share one broker, so they pick out their own records by key.
 */
public final class TopicReader {

    private final String bootstrapServers;

    public TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Reads until {@code expected} matching records arrived, then keeps reading for {@code settle} to
     * catch duplicates or records that should not be there, or gives up after {@code timeout}.
     */
    public List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<ConsumerRecord<String, byte[]>> mine,
            int expected, Duration settle, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (mine.test(record)) {
                        records.add(record);
                    }
                }
                if (records.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + settle.toNanos();
                }
            }
        }
        return records;
    }
}
