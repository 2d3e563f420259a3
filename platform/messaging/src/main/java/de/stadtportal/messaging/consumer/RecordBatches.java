package de.stadtportal.messaging.consumer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import reactor.core.publisher.Mono;

/**
 * The batch mode of a consumer, beside the per-record mode of {@link ListenerWork}: a batch
 * listener ({@code @KafkaListener(batch = "true")}) hands it the records of one poll, which are
 * decoded one by one and then written together, in one transaction, and waited for on the listener
 * thread.
 *
 * <p>What the per-record mode gives stays per record. Each record is a span of its own, the child of
 * the span that sent it (its {@code traceparent} header), as the container makes one for a record
 * listener; the record is decoded inside it, and once the batch is committed it is counted and logged
 * inside it ({@link RecordOutcomes}), so the line carries the record's trace. The batch's statements
 * run in the first record's span. A failure stays one record's: a record that does not decode (it
 * breaks its contract) ends the batch before it, the records ahead of it are written, and it is named
 * to the error handler in a {@link BatchListenerFailedException}. When the batch's write fails as a
 * whole, its records are written again one by one, each in its own transaction, up to the one that
 * fails, which is named. The platform's {@code DefaultErrorHandler} then commits the records ahead
 * of the named one, retries, waits for the database or dead-letters that record alone exactly as in
 * the per-record mode ({@link DeadLetters}), and hands the records behind it to the next poll.
 * Records written before a failure may be written again on redelivery: consumers apply versions, so
 * that is harmless.
 */
public class RecordBatches {

    private final ObservationRegistry observations;
    private final RecordOutcomes outcomes;

    public RecordBatches(ObservationRegistry observations, RecordOutcomes outcomes) {
        this.observations = observations;
        this.outcomes = outcomes;
    }

    /**
     * Decodes each record with {@code decode}, writes the decoded ones with {@code together} (one
     * transaction) and, only if that fails, with {@code alone} one by one; returns when they are
     * committed, or throws a {@link BatchListenerFailedException} naming the first record that failed.
     */
    public <K, V, T> void complete(String listenerId, List<ConsumerRecord<K, V>> records,
            Function<ConsumerRecord<K, V>, T> decode, Function<List<T>, Mono<?>> together,
            Function<T, Mono<?>> alone) {
        String group = String.valueOf(KafkaUtils.getConsumerGroupId());
        List<Observation> spans = new ArrayList<>(records.size());
        List<T> decoded = new ArrayList<>(records.size());
        RuntimeException broken = null;
        for (ConsumerRecord<K, V> record : records) {
            Observation span = span(record, listenerId, group).start();
            spans.add(span);
            try (Observation.Scope scope = span.openScope()) {
                decoded.add(decode.apply(record));
            } catch (RuntimeException e) {
                broken = e;
                break;
            }
        }
        if (!decoded.isEmpty()) {
            write(records, spans, decoded, together, alone);
        }
        for (int i = 0; i < decoded.size(); i++) {
            try (Observation.Scope scope = spans.get(i).openScope()) {
                outcomes.processed(records.get(i));
            }
            spans.get(i).stop();
        }
        if (broken != null) {
            throw failed(records, spans, decoded.size(), broken);
        }
    }

    private <K, V, T> void write(List<ConsumerRecord<K, V>> records, List<Observation> spans, List<T> decoded,
            Function<List<T>, Mono<?>> together, Function<T, Mono<?>> alone) {
        try (Observation.Scope scope = spans.get(0).openScope()) {
            ListenerWork.complete(together.apply(decoded));
            return;
        } catch (RuntimeException whole) {
            // which record the database refused is not known: find it by writing them one at a time
        }
        for (int i = 0; i < decoded.size(); i++) {
            try (Observation.Scope scope = spans.get(i).openScope()) {
                ListenerWork.complete(alone.apply(decoded.get(i)));
            } catch (RuntimeException e) {
                for (int written = 0; written < i; written++) {
                    try (Observation.Scope scope = spans.get(written).openScope()) {
                        outcomes.processed(records.get(written));
                    }
                    spans.get(written).stop();
                }
                throw failed(records, spans, i, e);
            }
        }
    }

    /** Ends the failing record's span with its error, and the spans of the records behind it unprocessed. */
    private <K, V> BatchListenerFailedException failed(List<ConsumerRecord<K, V>> records, List<Observation> spans,
            int index, RuntimeException cause) {
        Observation span = spans.get(index);
        try (Observation.Scope scope = span.openScope()) {
            outcomes.failed(records.get(index));
        }
        span.error(cause);
        span.stop();
        for (int behind = index + 1; behind < spans.size(); behind++) {
            spans.get(behind).stop();
        }
        ConsumerRecord<K, V> record = records.get(index);
        return new BatchListenerFailedException("record " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + " failed: " + cause.getMessage(), cause, index);
    }

    private Observation span(ConsumerRecord<?, ?> record, String listenerId, String group) {
        return KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, listenerId, listenerId, group, () -> null),
                observations);
    }
}
