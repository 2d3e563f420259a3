package de.stadtportal.messaging.consumer;

import de.stadtportal.contracts.ContractViolation;
import de.stadtportal.contracts.Topics;
import de.stadtportal.contracts.Unavailable;
import de.stadtportal.messaging.MessagingProperties;
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
 * back, so an outage never sends good data to the dead-letter topic.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> kafka, MessagingProperties.Consumer settings) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(settings.backoff().toMillis(), settings.retries()));
        handler.addNotRetryableExceptions(ContractViolation.class);
        // the record is fine, the store is away: wait for it instead of dead-lettering good data
        handler.setBackOffFunction((record, exception) -> Unavailable.isCause(exception) ? untilBack() : null);
        return handler;
    }

    private static ExponentialBackOff untilBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(250, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }
}
