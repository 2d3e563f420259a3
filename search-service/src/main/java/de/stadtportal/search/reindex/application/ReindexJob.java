package de.stadtportal.search.reindex.application;

import de.stadtportal.contracts.ContractViolation;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.search.document.domain.IndexChange;
import de.stadtportal.search.indexing.application.IndexChanges;
import de.stadtportal.search.indexing.application.IndexingService;
import de.stadtportal.search.reindex.persistence.GenerationRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Replays the four topics from their beginning into a new generation. A plain {@link KafkaConsumer}
 * without a consumer group reads every partition up to the end offsets it saw when it started;
 * whatever is published after that reaches the new generation through the live listener, which
 * writes into every generation that is active or building. When the replay has caught up, the new
 * generation becomes active in one transaction and the old one is deleted.
 * <p>
 * The replay is a plain loop on the thread it is called on: it polls, writes the poll's records in
 * one statement (the newest version of each document) and waits for the write before the next poll, so neither the poll nor the wait ever lands on an event-loop
 * thread that the database driver or the live listener needs.
 */
@Component
class ReindexJob implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReindexJob.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Longer than any single write or generation switch; a hung database fails the reindex. */
    private static final Duration STEP = Duration.ofMinutes(5);

    /** How far a replay has come, told after every poll. */
    interface Progress {
        void read(long read, long total, long skipped);
    }

    private final KafkaProperties kafka;
    private final CloudEventEnvelope envelope;
    private final IndexingService indexing;
    private final GenerationRepository generations;
    private volatile boolean stopping;

    ReindexJob(KafkaProperties kafka, CloudEventEnvelope envelope, IndexingService indexing,
            GenerationRepository generations) {
        this.kafka = kafka;
        this.envelope = envelope;
        this.indexing = indexing;
        this.generations = generations;
    }

    /** Fills the building {@code generation} from the topics and makes it the active one; blocks until done. */
    void rebuild(long generation, Progress progress) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(generation)) {
            replay(consumer, generation, progress);
            long old = generations.activate(generation).block(STEP);
            if (old != 0) {
                generations.discard(old, "retired").block(STEP);
            }
        }
    }

    /**
     * Deletes a generation whose rebuild failed, keeping {@code why} for the status; one that cannot be
     * deleted now is discarded once its lease has run out.
     */
    void discard(long generation, String why) {
        try {
            generations.discard(generation, "failed", why).block(STEP);
        } catch (RuntimeException ignored) {
            log.warn("Generation {} is left building; it is discarded once its lease has run out", generation);
        }
    }

    private void replay(KafkaConsumer<String, byte[]> consumer, long generation, Progress progress) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : IndexChanges.TOPICS) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        long total = partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum();
        long read = 0;
        long skipped = 0;
        progress.read(0, total, 0);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (stopping) {
                throw new IllegalStateException("The service is stopping");
            }
            List<IndexChange> changes = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue;
                }
                IndexChange change = change(record);
                if (change == null) {
                    skipped++;
                } else {
                    changes.add(change);
                }
                read++;
            }
            indexing.indexAllInto(generation, changes).block(STEP);
            progress.read(read, total, skipped);
        }
    }

    /** The record's change, or null when it breaks its contract and is skipped. */
    private IndexChange change(ConsumerRecord<String, byte[]> record) {
        try {
            return IndexChanges.of(envelope.read(record).event());
        } catch (ContractViolation violation) {
            return null;
        }
    }

    @Override
    public void destroy() {
        stopping = true;
    }

    private KafkaConsumer<String, byte[]> consumer(long generation) {
        Map<String, Object> properties = kafka.buildConsumerProperties();
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "search-reindex-" + generation);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
