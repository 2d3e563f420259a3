package de.stadtportal.messaging.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.MessagingProperties;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;

@SpringBootTest
@RealInfrastructure
class OwnedTopicsIT {

    @Autowired KafkaAdmin kafkaAdmin;

    @Test
    void a_service_creates_the_topics_it_produces_compacted_with_their_partitions_and_a_dead_letter_topic_each()
            throws Exception {
        try (AdminClient admin = admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.CONTENT_ARTICLES,
                    Topics.deadLetter(Topics.CONTENT_ARTICLES))).allTopicNames().get(30, TimeUnit.SECONDS);

            assertThat(topics.get(Topics.CONTENT_ARTICLES).partitions()).hasSize(4);
            assertThat(topics.get(Topics.deadLetter(Topics.CONTENT_ARTICLES)).partitions()).hasSize(1);
            assertThat(cleanupPolicy(admin, Topics.CONTENT_ARTICLES)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void a_raised_partition_count_adds_partitions_and_puts_compaction_back_on_a_topic_a_client_made() throws Exception {
        // as a consumer of a broker that creates topics on demand would have made it: default settings
        try (AdminClient admin = admin()) {
            admin.createTopics(List.of(new NewTopic(Topics.EVENTS_VENUES, 2, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);

            kafkaAdmin.createOrModifyTopics(OwnedTopics.declarations(new MessagingProperties.TopicDeclaration(
                    List.of(Topics.EVENTS_VENUES), 6, 1)).toArray(NewTopic[]::new));

            assertThat(admin.describeTopics(List.of(Topics.EVENTS_VENUES)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.EVENTS_VENUES).partitions()).hasSize(6);
            assertThat(cleanupPolicy(admin, Topics.EVENTS_VENUES)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void a_declared_name_that_is_none_of_the_platform_topics_is_refused_at_start() {
        assertThatThrownBy(() -> OwnedTopics.declarations(new MessagingProperties.TopicDeclaration(
                List.of("content.artikel.v1"), 6, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("content.artikel.v1");
    }

    private static AdminClient admin() {
        return AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafka().bootstrapServers()));
    }

    private static String cleanupPolicy(AdminClient admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }
}
