package de.stadtportal.messaging;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay and of consumers, under {@code stadtportal.messaging}.
 *
 * @param outbox how the relay claims and publishes
 * @param consumer how failed messages are retried before they go to the dead-letter topic
 * @param topics the topics this service produces, which it creates
 */
@ConfigurationProperties("stadtportal.messaging")
public record MessagingProperties(@DefaultValue Outbox outbox, @DefaultValue Consumer consumer,
        @DefaultValue TopicDeclaration topics) {

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

    /**
     * The one definition of the broker's topics: the service that produces a topic declares it.
     *
     * @param owned the topics this service produces ({@code de.stadtportal.contracts.Topics}); each gets its
     *              dead-letter topic too
     * @param partitions partitions of each owned topic: at least the most instances of any consumer
     *                   group, since a partition is read by one consumer of a group at a time
     * @param replication copies of each partition (1 on one broker; 3 on a production cluster)
     */
    public record TopicDeclaration(@DefaultValue List<String> owned, @DefaultValue("6") int partitions,
            @DefaultValue("1") int replication) {
    }
}
