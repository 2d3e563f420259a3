package de.stadtportal.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a dead-letter topic ({@code <topic>.dlq}) of the running platform from its beginning to
 * its current end, without a consumer group, so reading changes nothing. Each record names, in the
 * headers Spring Kafka's recoverer writes, where it came from and why it was given up.
 */
final class DeadLetterTopics {

    /** One dead letter: its key, and the {@code kafka_dlt-*} headers that say where it came from and why. */
    record DeadLetter(String key, String originalTopic, String consumerGroup, String exception, String message) {
    }

    private DeadLetterTopics() {
    }

    static List<DeadLetter> read(String bootstrapServers, String deadLetterTopic) {
        List<DeadLetter> letters = new ArrayList<>();
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(deadLetterTopic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + deadLetterTopic + " to its end " + end);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    letters.add(new DeadLetter(record.key(), header(record, "kafka_dlt-original-topic"),
                            header(record, "kafka_dlt-original-consumer-group"),
                            header(record, "kafka_dlt-exception-fqcn"), header(record, "kafka_dlt-exception-message")));
                }
            }
        } finally {
            // without a group there is nothing to leave or commit; do not wait for an unanswered fetch
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        }
        return letters;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
