package de.stadtportal.search.indexing.listener;

import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.consumer.RecordBatches;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.messaging.envelope.ReceivedEvent;
import de.stadtportal.search.document.domain.IndexChange;
import de.stadtportal.search.indexing.application.IndexChanges;
import de.stadtportal.search.indexing.application.IndexingService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the index from the topics it is made of: cities, articles, venues and events, a poll at a
 * time. Each record's envelope is read before anything else, so a record that breaks its contract
 * fails at once; the others become {@link IndexChange}s, written together in one version-guarded
 * statement, finished before the next poll. The platform's {@link RecordBatches} keeps what a record
 * listener had: a span, a log line and a dead letter per record (the failing one goes to
 * {@code <topic>.dlq} alone, the rest of its poll is indexed).
 * <p>
 * {@code stadtportal.search.freshness} measures from the CloudEvent's time, when the producer
 * committed the change, to the moment the change is committed here and can be found.
 */
@Component
class IndexedTopicsListener {

    static final String ID = "search-index";

    private final CloudEventEnvelope envelope;
    private final IndexingService indexing;
    private final RecordBatches batches;
    private final Clock clock;
    private final Timer freshness;

    IndexedTopicsListener(CloudEventEnvelope envelope, IndexingService indexing, RecordBatches batches, Clock clock,
            MeterRegistry meters) {
        this.envelope = envelope;
        this.indexing = indexing;
        this.batches = batches;
        this.clock = clock;
        this.freshness = Timer.builder("stadtportal.search.freshness")
                .description("From the event's time at the producer until it is searchable here")
                .publishPercentileHistogram()
                .register(meters);
    }

    @KafkaListener(id = ID, idIsGroup = false, batch = "true", topics = {Topics.CONTENT_CITIES,
            Topics.CONTENT_ARTICLES, Topics.EVENTS_VENUES, Topics.EVENTS_EVENTS})
    void on(List<ConsumerRecord<String, byte[]>> records) {
        batches.complete(ID, records, this::change,
                changes -> indexing.indexAll(changes.stream().map(Change::change).toList())
                        .doOnNext(applied -> changes.stream().filter(change -> applied.contains(change.change()))
                                .forEach(this::fresh)),
                change -> indexing.index(change.change()).filter(Boolean::booleanValue).doOnNext(applied -> fresh(change)));
    }

    private Change change(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent received = envelope.read(record);
        return new Change(IndexChanges.of(received.event()), received.time());
    }

    private void fresh(Change change) {
        if (change.time() != null) {
            freshness.record(Duration.between(change.time(), clock.instant()).abs());
        }
    }

    /** A record's change and when its producer committed it. */
    private record Change(IndexChange change, Instant time) {
    }
}
