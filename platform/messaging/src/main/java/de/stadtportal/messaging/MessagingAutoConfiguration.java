package de.stadtportal.messaging;

import de.stadtportal.contracts.EventCodec;
import de.stadtportal.messaging.consumer.AppliedVersions;
import de.stadtportal.messaging.consumer.DeadLetterCounters;
import de.stadtportal.messaging.consumer.DeadLetters;
import de.stadtportal.messaging.consumer.RecordBatches;
import de.stadtportal.messaging.consumer.RecordOutcomes;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.messaging.outbox.Outbox;
import de.stadtportal.messaging.outbox.OutboxRelay;
import de.stadtportal.messaging.topic.OwnedTopics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Wires the outbox, the relay and the consumer side into a service. Every service gets the same
 * envelope, contracts and dead-letter handling; a service that only consumes turns the relay off
 * with {@code stadtportal.messaging.outbox.relay-enabled=false}.
 */
@AutoConfiguration(after = {R2dbcAutoConfiguration.class, R2dbcTransactionManagerAutoConfiguration.class,
        KafkaAutoConfiguration.class})
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    CloudEventEnvelope cloudEventEnvelope(EventCodec codec) {
        return new CloudEventEnvelope(codec);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ConnectionFactory.class)
    DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }

    @Bean
    @ConditionalOnMissingBean(ReactiveTransactionManager.class)
    @ConditionalOnBean(ConnectionFactory.class)
    R2dbcTransactionManager connectionFactoryTransactionManager(ConnectionFactory connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ReactiveTransactionManager.class)
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    @Bean
    @ConditionalOnBean(DatabaseClient.class)
    Outbox outbox(DatabaseClient database, EventCodec codec) {
        return new Outbox(database, codec);
    }

    @Bean
    @ConditionalOnBean(DatabaseClient.class)
    AppliedVersions appliedVersions(DatabaseClient database) {
        return new AppliedVersions(database);
    }

    /**
     * The producer for events and dead letters: String keys, the CloudEvent's data as bytes,
     * idempotent and acks=all so that order per key holds and nothing acknowledged is lost.
     */
    @Bean
    KafkaTemplate<String, byte[]> eventKafkaTemplate(KafkaProperties kafka, ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> properties = kafka.buildProducerProperties();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        properties.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(properties,
                new StringSerializer(), new ByteArraySerializer());
        meters.ifAvailable(registry -> factory.addListener(new MicrometerProducerListener<>(registry)));
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(factory);
        // a span per send, child of the relay's span, whose traceparent header the consumers continue;
        // the observation also times the send (spring.kafka.template), so the template's own timer stays off
        template.setObservationEnabled(true);
        template.setMicrometerEnabled(false);
        return template;
    }

    @Bean
    @ConditionalOnBean(DatabaseClient.class)
    @ConditionalOnProperty(name = "stadtportal.messaging.outbox.relay-enabled", havingValue = "true",
            matchIfMissing = true)
    OutboxRelay outboxRelay(DatabaseClient database, ConnectionFactory connectionFactory,
            TransactionalOperator transactions, KafkaTemplate<String, byte[]> eventKafkaTemplate,
            CloudEventEnvelope envelope, MessagingProperties properties, ObjectProvider<MeterRegistry> meters,
            ObjectProvider<ObservationRegistry> observations) {
        return new OutboxRelay(database, connectionFactory, transactions, eventKafkaTemplate, envelope,
                properties.outbox(), meters.getIfAvailable(CompositeMeterRegistry::new),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.ReactiveHealthIndicator")
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaHealthIndicator(kafka);
    }

    @Bean
    RecordOutcomes recordOutcomes(ObjectProvider<MeterRegistry> meters) {
        return new RecordOutcomes(meters.getIfAvailable(CompositeMeterRegistry::new));
    }

    /**
     * The batch mode of a listener: one write per poll, each record still a span of its own trace,
     * counted, logged and dead-lettered alone.
     */
    @Bean
    RecordBatches recordBatches(ObjectProvider<ObservationRegistry> observations, RecordOutcomes outcomes) {
        return new RecordBatches(observations.getIfAvailable(() -> ObservationRegistry.NOOP), outcomes);
    }

    /**
     * Every record a listener takes is a span, the child of the span that sent it (its
     * {@code traceparent} header), so a consumer's work belongs to the trace of the change it applies;
     * what became of it is counted and logged in that span ({@link RecordOutcomes}).
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> observedListeners(
            RecordOutcomes outcomes) {
        return container -> {
            container.setRecordInterceptor(outcomes);
            container.getContainerProperties().setObservationEnabled(true);
            // the observation times each record (spring.kafka.listener); a second timer of that name would clash
            container.getContainerProperties().setMicrometerEnabled(false);
        };
    }

    /**
     * The topics this service produces ({@code stadtportal.messaging.topics.owned}) and their dead-letter
     * topics, created by Boot's {@link KafkaAdmin} at start: the platform's one definition of its topics.
     */
    @Bean
    KafkaAdmin.NewTopics ownedTopics(MessagingProperties properties) {
        return OwnedTopics.of(properties.topics());
    }

    /**
     * Consumers read String keys and the raw CloudEvent data; decoding happens in the envelope. They
     * never create a topic they subscribe to (a broker that allows it would make it uncompacted, with
     * its default partitions): they wait until its producer has declared it.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer eventConsumerDeserializers() {
        return MessagingAutoConfiguration::useEventDeserializers;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void useEventDeserializers(DefaultKafkaConsumerFactory factory) {
        factory.setKeyDeserializer(new StringDeserializer());
        factory.setValueDeserializer(new ByteArrayDeserializer());
        factory.updateConfigs(Map.of(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false));
    }

    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, byte[]> eventKafkaTemplate,
            MessagingProperties properties, ObjectProvider<MeterRegistry> meters) {
        return DeadLetters.errorHandler(eventKafkaTemplate, properties.consumer(),
                meters.getIfAvailable(CompositeMeterRegistry::new));
    }

    @Bean
    DeadLetterCounters deadLetterCounters(ObjectProvider<KafkaListenerEndpointRegistry> listeners,
            ObjectProvider<MeterRegistry> meters) {
        return new DeadLetterCounters(listeners, meters);
    }
}
