package de.stadtportal.search;

import de.stadtportal.contracts.EventCodec;
import de.stadtportal.contracts.EventType;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.search.indexing.application.IndexChanges;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.messaging.envelope.OutgoingMessage;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.kafka.ConsumerGroups;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
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

    /** Sends onto one partition of the event's topic, with the trace it continues (or none). */
    void sendTo(int partition, String traceparent, IntegrationEvent event) {
        EventType type = EventType.of(event);
        ProducerRecord<String, byte[]> record = envelope.toRecord(new OutgoingMessage(UUID.randomUUID(), type.topic(),
                event.aggregateId(), type.ceType(), type.source(), codec.encode(event), traceparent,
                event.occurredAt()));
        kafka.send(new ProducerRecord<>(record.topic(), partition, record.key(), record.value(), record.headers()))
                .join();
    }

    void sendRaw(String topic, int partition, String key, byte[] value) {
        kafka.send(new ProducerRecord<>(topic, partition, key, value)).join();
    }

    void sendRaw(String topic, String key, byte[] value) {
        kafka.send(new ProducerRecord<>(topic, key, value)).join();
    }

    /** Waits until the consumer group has committed every record now on the four topics. */
    void awaitConsumed() {
        ConsumerGroups.awaitCaughtUp(Infrastructure.get().kafka().bootstrapServers(), GROUP, IndexChanges.TOPICS,
                Duration.ofSeconds(60));
    }
}
