package de.stadtportal.messaging.topic;

import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.MessagingProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics one service produces, as {@link NewTopic}s for Spring's {@link KafkaAdmin}: each a
 * compacted topic (a snapshot per aggregate is all a consumer needs) with the configured partitions
 * and replication, and its dead-letter topic beside it. The admin creates what is missing at start,
 * adds partitions when the count was raised (never removes any) and, with
 * {@code spring.kafka.admin.modify-topic-configs}, puts the compaction back on a topic that a client
 * created before its owner started.
 */
public final class OwnedTopics {

    private OwnedTopics() {
    }

    /** The declarations of {@code settings}, as a bean for Spring's {@link KafkaAdmin}. */
    public static KafkaAdmin.NewTopics of(MessagingProperties.TopicDeclaration settings) {
        return new KafkaAdmin.NewTopics(declarations(settings).toArray(NewTopic[]::new));
    }

    /** Each owned topic and its dead-letter topic; a name that is not one of the platform's topics is refused. */
    public static List<NewTopic> declarations(MessagingProperties.TopicDeclaration settings) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : settings.owned()) {
            if (!Topics.ALL.contains(topic)) {
                throw new IllegalStateException("stadtportal.messaging.topics.owned names " + topic
                        + ", which is none of the platform's topics " + Topics.ALL);
            }
            topics.add(TopicBuilder.name(topic)
                    .partitions(settings.partitions())
                    .replicas(settings.replication())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                    .build());
            // dead letters wait for a person; nothing reads them in parallel, so one partition keeps them in order
            topics.add(TopicBuilder.name(Topics.deadLetter(topic))
                    .partitions(1)
                    .replicas(settings.replication())
                    .build());
        }
        return topics;
    }
}
