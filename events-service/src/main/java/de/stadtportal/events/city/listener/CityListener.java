package de.stadtportal.events.city.listener;

import de.stadtportal.contracts.CityChanged;
import de.stadtportal.contracts.CityRemoved;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.Topics;
import de.stadtportal.events.city.application.CityReplicaService;
import de.stadtportal.events.city.application.ForgetCity;
import de.stadtportal.events.city.application.RememberCity;
import de.stadtportal.messaging.consumer.ListenerWork;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Turns the records of {@code content.cities.v1} into commands for the service's copy of the cities. */
@Component
class CityListener {

    private final CloudEventEnvelope envelope;
    private final CityReplicaService cities;

    CityListener(CloudEventEnvelope envelope, CityReplicaService cities) {
        this.envelope = envelope;
        this.cities = cities;
    }

    @KafkaListener(topics = Topics.CONTENT_CITIES)
    void on(ConsumerRecord<String, byte[]> record) {
        IntegrationEvent event = envelope.read(record).event();
        if (event instanceof CityChanged changed) {
            ListenerWork.complete(cities.remember(
                    new RememberCity(changed.aggregateId(), changed.version(), changed.city().slug(),
                            changed.city().name())));
        } else if (event instanceof CityRemoved removed) {
            ListenerWork.complete(cities.forget(new ForgetCity(removed.aggregateId(), removed.version())));
        }
    }
}
