package de.stadtportal.messaging.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Registers the dead-letter counter and the processed and failed record counters
 * ({@link RecordOutcomes}) of every topic this service's listeners read at zero once the
 * listeners exist, so that the first dead letter is an increase an alert can see, and a service that
 * never dead-letters still shows the counter it would use.
 */
public class DeadLetterCounters implements ApplicationListener<ContextRefreshedEvent> {

    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;
    private final ObjectProvider<MeterRegistry> meters;

    public DeadLetterCounters(ObjectProvider<KafkaListenerEndpointRegistry> listeners,
            ObjectProvider<MeterRegistry> meters) {
        this.listeners = listeners;
        this.meters = meters;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        KafkaListenerEndpointRegistry registry = listeners.getIfAvailable();
        MeterRegistry registered = meters.getIfAvailable();
        if (registry == null || registered == null) {
            return;
        }
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            String[] topics = container.getContainerProperties().getTopics();
            if (topics != null) {
                for (String topic : topics) {
                    DeadLetters.counter(registered, topic);
                    RecordOutcomes.counter(registered, topic, "processed");
                    RecordOutcomes.counter(registered, topic, "failed");
                }
            }
        }
    }
}
