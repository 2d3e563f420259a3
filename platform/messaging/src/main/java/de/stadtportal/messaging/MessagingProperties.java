package de.stadtportal.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay and of consumers, under {@code stadtportal.messaging}.
 *
 * @param outbox how the relay claims and publishes
 * @param consumer how failed messages are retried before they go to the dead-letter topic
 */
@ConfigurationProperties("stadtportal.messaging")
public record MessagingProperties(@DefaultValue Outbox outbox, @DefaultValue Consumer consumer) {

    /**
     * @param relayEnabled whether this service runs a relay (a pure consumer has nothing to relay)
     * @param batchSize most events published in one claim
     * @param keysPerBatch most aggregates claimed at once; each claimed key is held by one relay only
     * @param pollInterval fallback wake-up when no notification arrives
     * @param minBackoff first wait after a failed publish
     * @param maxBackoff longest wait between attempts while Kafka is away
     * @param retention how long sent rows stay before clean-up
     */
    public record Outbox(
            @DefaultValue("true") boolean relayEnabled,
            @DefaultValue("500") int batchSize,
            @DefaultValue("200") int keysPerBatch,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("100ms") Duration minBackoff,
            @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("10m") Duration retention) {
    }

    /**
     * @param retries attempts after the first failure before a message is dead-lettered
     * @param backoff wait between attempts
     */
    public record Consumer(@DefaultValue("2") int retries, @DefaultValue("200ms") Duration backoff) {
    }
}
