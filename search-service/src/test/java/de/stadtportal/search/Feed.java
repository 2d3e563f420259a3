package de.stadtportal.search;

import static org.awaitility.Awaitility.await;

import de.stadtportal.contracts.EventCodec;
import de.stadtportal.contracts.EventType;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.messaging.envelope.OutgoingMessage;
import de.stadtportal.testing.infrastructure.Infrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes contract events straight onto the topics, as the producing services' relays would,
 * so a test controls order, duplicates and replays; and waits until the search service's consumer
 * group has committed everything published so far.
 */
final class Feed {

    private static final String GROUP = "search-service";

    private final KafkaTemplate<String, byte[]> kafka;
    private final CloudEventEnvelope envelope;
    private final EventCodec codec;

    Feed(KafkaTemplate<String, byte[]> kafka, CloudEventEnvelope envelope, EventCodec codec) {
        this.kafka = kafka;
        this.envelope = envelope;
        this.codec = codec;
    }

    void send(IntegrationEvent... events) {
        for (IntegrationEvent event : events) {
            EventType type = EventType.of(event);
            kafka.send(envelope.toRecord(new OutgoingMessage(UUID.randomUUID(), type.topic(), event.aggregateId(),
                    type.ceType(), type.source(), codec.encode(event), null, event.occurredAt()))).join();
        }
    }

    void sendRaw(String topic, String key, byte[] value) {
        kafka.send(new ProducerRecord<>(topic, key, value)).join();
    }

    /** Waits until the consumer group has committed every record now on the four topics. */
    void awaitConsumed() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafka().bootstrapServers()))) {
            List<String> existing = admin.listTopics().names().get().stream().filter(Topics.ALL::contains).toList();
            List<TopicPartition> partitions = admin.describeTopics(existing).allTopicNames().get().values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .toList();
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                    .all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue()));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
