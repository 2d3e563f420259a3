package de.stadtportal.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * What became of each record a listener took: counted per topic in
 * {@code stadtportal.consumer.records} ({@code outcome} {@code processed} or {@code failed}, the
 * latter once per failed attempt, so a record retried three times counts three), and one INFO line
 * per processed record. The container calls this inside the record's span (a batch listener, which the
 * container does not intercept per record, through {@link RecordBatches}), so the line carries the
 * trace and span id of the change it applied. {@code logging.level.de.stadtportal.messaging.consumer.RecordOutcomes=warn}
 * silences the line; the counters stay.
 */
public final class RecordOutcomes implements RecordInterceptor<Object, Object> {

    static final String COUNTER = "stadtportal.consumer.records";

    private static final Logger log = LoggerFactory.getLogger(RecordOutcomes.class);

    private final MeterRegistry meters;

    public RecordOutcomes(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The counter of one topic and outcome, registered at zero so that an alert sees its first increase. */
    public static Counter counter(MeterRegistry meters, String topic, String outcome) {
        return Counter.builder(COUNTER)
                .description("Records a listener took, by what became of them (failed: per attempt)")
                .tag("topic", topic)
                .tag("outcome", outcome)
                .register(meters);
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        processed(record);
    }

    @Override
    public void failure(ConsumerRecord<Object, Object> record, Exception exception,
            Consumer<Object, Object> consumer) {
        failed(record);
    }

    /** Counts and logs a record whose work is committed; call it inside the record's span. */
    public void processed(ConsumerRecord<?, ?> record) {
        counter(meters, record.topic(), "processed").increment();
        log.info("record {}-{}@{} processed for aggregate {}", record.topic(), record.partition(), record.offset(),
                record.key());
    }

    /** Counts one failed attempt at a record. */
    public void failed(ConsumerRecord<?, ?> record) {
        counter(meters, record.topic(), "failed").increment();
    }
}
