package de.stadtportal.search.reindex;

import de.stadtportal.contracts.ContractViolation;
import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.search.document.domain.IndexChange;
import de.stadtportal.search.document.domain.Indexing;
import de.stadtportal.search.indexing.DocumentStore;
import de.stadtportal.web.problem.ApiProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Replays the four topics from their beginning into a new generation. A plain {@link KafkaConsumer}
 * without a consumer group reads every partition up to the end offsets it saw when it started;
 * whatever is published after that reaches the new generation through the live consumer, which
 * writes into every generation that is active or building. When the replay has caught up, the new
 * generation becomes active in one transaction and the old one is deleted.
 * <p>
 * The replay is a plain loop on a thread of its own: it polls, writes each record and waits for the
 * write before the next, so neither the poll nor the wait ever lands on an event-loop thread that
 * the database driver or the live consumer needs. One reindex runs at a time; progress is kept in
 * memory and shown by {@code GET /api/search/reindex}.
 */
@Component
class Reindexer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Longer than any single write or generation switch; a hung database fails the reindex. */
    private static final Duration STEP = Duration.ofMinutes(5);

    private final KafkaProperties kafka;
    private final CloudEventEnvelope envelope;
    private final DocumentStore documents;
    private final Generations generations;
    private final AtomicReference<ReindexStatus> status = new AtomicReference<>(ReindexStatus.IDLE);
    private volatile boolean stopping;

    Reindexer(KafkaProperties kafka, CloudEventEnvelope envelope, DocumentStore documents, Generations generations) {
        this.kafka = kafka;
        this.envelope = envelope;
        this.documents = documents;
        this.generations = generations;
    }

    @EventListener(ApplicationReadyEvent.class)
    void discardAbandonedGenerations() {
        generations.discardAbandoned()
                .doOnError(error -> log.warn("Could not discard abandoned index generations: {}", error.toString()))
                .onErrorResume(error -> Mono.empty())
                .subscribe();
    }

    ReindexStatus status() {
        return status.get();
    }

    /** Starts a reindex and answers at once; a 409 problem while one is running. */
    Mono<ReindexStatus> start() {
        ReindexStatus before = status.get();
        if (before.running()) {
            return Mono.error(ApiProblem.conflict("A reindex is running already"));
        }
        return generations.create()
                .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("A reindex is running already")))
                .map(generation -> {
                    ReindexStatus started = ReindexStatus.started(generation);
                    if (!status.compareAndSet(before, started)) {
                        throw ApiProblem.conflict("A reindex is running already");
                    }
                    run(generation);
                    return started;
                });
    }

    private void run(long generation) {
        Thread worker = new Thread(() -> rebuild(generation), "search-reindex-" + generation);
        worker.setDaemon(true);
        worker.start();
    }

    private void rebuild(long generation) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(generation)) {
            replay(consumer, generation);
            long old = generations.activate(generation).block(STEP);
            if (old != 0) {
                generations.discard(old, "retired").block(STEP);
            }
            status.updateAndGet(ReindexStatus::done);
            log.info("Reindex into generation {} done: {}", generation, status.get());
        } catch (RuntimeException error) {
            log.error("Reindex into generation {} failed", generation, error);
            status.updateAndGet(current -> current.failed(error));
            try {
                generations.discard(generation, "failed").block(STEP);
            } catch (RuntimeException ignored) {
                log.warn("Generation {} is left building; it is discarded at the next start", generation);
            }
        }
    }

    private void replay(KafkaConsumer<String, byte[]> consumer, long generation) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.ALL) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        long total = partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum();
        long read = 0;
        long skipped = 0;
        status.updateAndGet(current -> current.progress(0, total, 0));
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (stopping) {
                throw new IllegalStateException("The service is stopping");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue;
                }
                if (!apply(record, generation)) {
                    skipped++;
                }
                read++;
            }
            long readNow = read;
            long skippedNow = skipped;
            status.updateAndGet(current -> current.progress(readNow, total, skippedNow));
        }
    }

    /** Writes one record into the generation; false when it breaks its contract and is skipped. */
    private boolean apply(ConsumerRecord<String, byte[]> record, long generation) {
        IndexChange change;
        try {
            change = Indexing.changeOf(envelope.read(record).event());
        } catch (ContractViolation violation) {
            return false;
        }
        documents.apply(change, generation).block(STEP);
        return true;
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
