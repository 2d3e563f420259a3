package de.stadtportal.events.city;

import de.stadtportal.contracts.CityChanged;
import de.stadtportal.contracts.CityRemoved;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.consumer.AppliedVersions;
import de.stadtportal.messaging.consumer.ListenerWork;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Keeps {@link KnownCities} in step with the content service. The version check and the write share
 * one transaction, so a redelivered or older city event changes nothing and a removal is not undone
 * by a late snapshot.
 */
@Component
class CityListener {

    private final CloudEventEnvelope envelope;
    private final AppliedVersions versions;
    private final TransactionalOperator transactions;
    private final KnownCities cities;

    CityListener(CloudEventEnvelope envelope, AppliedVersions versions, TransactionalOperator transactions,
            KnownCities cities) {
        this.envelope = envelope;
        this.versions = versions;
        this.transactions = transactions;
        this.cities = cities;
    }

    @KafkaListener(topics = Topics.CONTENT_CITIES)
    void on(ConsumerRecord<String, byte[]> record) {
        IntegrationEvent event = envelope.read(record).event();
        ListenerWork.complete(transactions.transactional(versions.advance("city", event.aggregateId(), event.version())
                .filter(newer -> newer)
                .flatMap(newer -> apply(event))));
    }

    private Mono<Void> apply(IntegrationEvent event) {
        if (event instanceof CityChanged changed) {
            return cities.remember(changed.city().slug(), changed.city().name());
        }
        if (event instanceof CityRemoved removed) {
            return cities.forget(removed.aggregateId());
        }
        return Mono.empty();
    }
}
