package de.stadtportal.messaging.consumer;

import de.stadtportal.contracts.ContractViolation;
import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.MessagingProperties;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The consumers' error handling, built from Spring Kafka's own parts: a failing record is retried a
 * few times in place, then published to {@code <topic>.dlq} with the exception, the original topic,
 * partition and offset in its headers ({@code kafka_dlt-*}), and the consumer goes on with the next
 * record. A record that breaks its contract is dead-lettered at once: retrying cannot fix it.
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
        return handler;
    }
}
