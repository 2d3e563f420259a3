package de.stadtportal.messaging.envelope;

import de.stadtportal.contracts.ContractViolation;
import de.stadtportal.contracts.EventCodec;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.Traceparent;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The transport envelope, kept apart from the events themselves: CloudEvents 1.0 in Kafka binary
 * mode ({@code ce_*} headers, the event's JSON as the value), keyed by aggregate id, with the
 * {@code traceparent} header carried along. Producer and consumer both go through here, so both
 * check the same JSON Schemas.
 */
public final class CloudEventEnvelope {

    private final EventCodec codec;

    public CloudEventEnvelope(EventCodec codec) {
        this.codec = codec;
    }

    /** Wraps one outbox message into the record the relay sends. */
    public ProducerRecord<String, byte[]> toRecord(OutgoingMessage message) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(message.eventId().toString())
                .withSource(URI.create(message.source()))
                .withType(message.type())
                .withSubject(message.key())
                .withTime(message.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(message.payload())
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory
                .createWriter(message.topic(), null, null, message.key())
                .writeBinary(event);
        if (Traceparent.isValid(message.traceparent())) {
            record.headers().add(Traceparent.HEADER, message.traceparent().getBytes(StandardCharsets.US_ASCII));
        }
        return record;
    }

    /**
     * Reads a record as a CloudEvent and decodes its data through the contracts.
     *
     * @throws ContractViolation when the record is not a CloudEvent of a known type with valid data;
     *     such a record can never be processed and belongs in the dead-letter topic
     */
    public ReceivedEvent read(ConsumerRecord<String, byte[]> record) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();
        } catch (RuntimeException e) {
            throw new ContractViolation("Not a CloudEvent in binary mode: " + e.getMessage());
        }
        CloudEventData data = cloudEvent.getData();
        if (data == null) {
            throw new ContractViolation("CloudEvent " + cloudEvent.getId() + " carries no data");
        }
        IntegrationEvent event = codec.decode(cloudEvent.getType(), data.toBytes());
        if (!event.aggregateId().equals(record.key())) {
            throw new ContractViolation("Record key " + record.key() + " is not the aggregate id "
                    + event.aggregateId() + " of event " + cloudEvent.getId());
        }
        Header traceparent = record.headers().lastHeader(Traceparent.HEADER);
        return new ReceivedEvent(cloudEvent.getId(), cloudEvent.getType(),
                cloudEvent.getTime() == null ? null : cloudEvent.getTime().toInstant(), event,
                traceparent == null ? null : new String(traceparent.value(), StandardCharsets.US_ASCII),
                record.topic(), record.partition(), record.offset());
    }
}
