package de.stadtportal.search.indexing.listener;

import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.consumer.ListenerWork;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.messaging.envelope.ReceivedEvent;
import de.stadtportal.search.document.domain.IndexChange;
import de.stadtportal.search.indexing.application.IndexChanges;
import de.stadtportal.search.indexing.application.IndexingService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the index from the topics it is made of: cities, articles, venues and events. The
 * envelope is read before anything else, so a record that breaks its contract fails at once and
 * the platform's error handler sends it to {@code <topic>.dlq}; everything else becomes an
 * {@link IndexChange} for one version-guarded write, finished before the next record of the
 * partition is taken.
 * <p>
 * {@code stadtportal.search.freshness} measures from the CloudEvent's time, when the producer
 * committed the change, to the moment the change is committed here and can be found.
 */
@Component
class IndexedTopicsListener {

    private final CloudEventEnvelope envelope;
    private final IndexingService indexing;
    private final Clock clock;
    private final Timer freshness;

    IndexedTopicsListener(CloudEventEnvelope envelope, IndexingService indexing, Clock clock, MeterRegistry meters) {
        this.envelope = envelope;
        this.indexing = indexing;
        this.clock = clock;
        this.freshness = Timer.builder("stadtportal.search.freshness")
                .description("From the event's time at the producer until it is searchable here")
                .publishPercentileHistogram()
                .register(meters);
    }

    @KafkaListener(id = "search-index", idIsGroup = false, topics = {Topics.CONTENT_CITIES, Topics.CONTENT_ARTICLES,
            Topics.EVENTS_VENUES, Topics.EVENTS_EVENTS})
    void on(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent received = envelope.read(record);
        IndexChange change = IndexChanges.of(received.event());
        ListenerWork.complete(indexing.index(change)
                .doOnNext(applied -> {
                    if (applied && received.time() != null) {
                        freshness.record(Duration.between(received.time(), clock.instant()).abs());
                    }
                }));
    }
}
