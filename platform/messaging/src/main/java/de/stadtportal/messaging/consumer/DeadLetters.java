package de.stadtportal.messaging.consumer;

import de.stadtportal.contracts.ContractViolation;
import de.stadtportal.contracts.Topics;
import de.stadtportal.contracts.Unavailable;
import de.stadtportal.messaging.MessagingProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The consumers' error handling, built from Spring Kafka's own parts: a failing record is retried a
 * few times in place, then published to {@code <topic>.dlq} with the exception, the original topic,
 * partition and offset in its headers ({@code kafka_dlt-*}), and the consumer goes on with the next
 * record. A record that breaks its contract is dead-lettered at once: retrying cannot fix it. A
 * record that failed because the consumer's own database is unreachable is retried until it is
 * back, so an outage never sends good data to the dead-letter topic; every other failure, the
 * database refusing the statement included, is a failure of this record (see {@link Unavailable}).
 *
 * <p>Each dead letter counts in {@code stadtportal.consumer.dead.letters}, tagged with the topic it
 * came from, once the dead-letter topic has acknowledged it.
 */
public final class DeadLetters {

    static final String COUNTER = "stadtportal.consumer.dead.letters";

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> kafka, MessagingProperties.Consumer settings,
            MeterRegistry meters) {
        DefaultErrorHandler handler = new DefaultErrorHandler(new CountingRecoverer(kafka, meters),
                new FixedBackOff(settings.backoff().toMillis(), settings.retries()));
        handler.addNotRetryableExceptions(ContractViolation.class);
        // the record is fine, the store is away: wait for it instead of dead-lettering good data
        handler.setBackOffFunction((record, exception) -> Unavailable.isCause(exception) ? untilBack() : null);
        return handler;
    }

    /**
     * The dead-letter counter of one topic, registered at zero: a counter that first appears at one
     * hides its first increase from {@code increase()} in an alert.
     */
    public static Counter counter(MeterRegistry meters, String topic) {
        return Counter.builder(COUNTER)
                .description("Records given up on and published to the topic's dead-letter topic")
                .tag("topic", topic)
                .register(meters);
    }

    private static ExponentialBackOff untilBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(250, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    /** Publishes to {@code <topic>.dlq} and counts what the dead-letter topic acknowledged. */
    private static final class CountingRecoverer extends DeadLetterPublishingRecoverer {

        private final MeterRegistry meters;

        CountingRecoverer(KafkaOperations<?, ?> kafka, MeterRegistry meters) {
            super(kafka, (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
            this.meters = meters;
        }

        @Override
        public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
            super.accept(record, consumer, exception);
            counter(meters, record.topic()).increment();
        }
    }
}
