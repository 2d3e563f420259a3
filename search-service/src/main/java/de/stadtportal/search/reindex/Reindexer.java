package de.stadtportal.search.reindex;

import de.stadtportal.contracts.ContractViolation;
import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.search.document.domain.Indexing;
import de.stadtportal.search.indexing.DocumentStore;
import de.stadtportal.web.problem.ApiProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Replays the four topics from their beginning into a new generation. A plain {@link KafkaConsumer}
 * without a consumer group reads every partition up to the end offsets it saw when it started;
 * whatever is published after that reaches the new generation through the live consumer, which
 * writes into every generation that is active or building. When the replay has caught up, the new
 * generation becomes active in one transaction and the old one is deleted.
 * <p>
 * The consumer is polled on a thread of its own, never on an event-loop thread. One reindex runs at
 * a time; progress is kept in memory and shown by {@code GET /api/search/reindex}.
 */
@Component
class Reindexer {

    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaProperties kafka;
    private final CloudEventEnvelope envelope;
    private final DocumentStore documents;
    private final Generations generations;
    private final AtomicReference<ReindexStatus> status = new AtomicReference<>(ReindexStatus.IDLE);

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
        Scheduler poller = Schedulers.newSingle("search-reindex-" + generation);
        Flux.using(() -> consumer(generation), consumer -> replay(consumer, generation), KafkaConsumer::close)
                .subscribeOn(poller)
                .then(Mono.defer(() -> generations.activate(generation)))
                .flatMap(old -> old == 0 ? Mono.<Void>empty() : generations.discard(old, "retired"))
                .doOnSuccess(done -> {
                    status.updateAndGet(ReindexStatus::done);
                    log.info("Reindex into generation {} done: {}", generation, status.get());
                })
                .onErrorResume(error -> {
                    log.error("Reindex into generation {} failed", generation, error);
                    status.updateAndGet(current -> current.failed(error));
                    return generations.discard(generation, "failed").onErrorResume(ignored -> Mono.empty());
                })
                .doFinally(signal -> poller.dispose())
                .subscribe();
    }

    private Flux<Boolean> replay(KafkaConsumer<String, byte[]> consumer, long generation) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.ALL) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        long total = partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum();
        AtomicLong read = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        status.updateAndGet(current -> current.progress(0, total, 0));

        Flux<List<ConsumerRecord<String, byte[]>>> batches = Flux.generate(sink -> {
            if (partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                sink.complete();
                return;
            }
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            consumer.poll(POLL).forEach(record -> {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    batch.add(record);
                }
            });
            sink.next(batch);
        });
        return batches.concatMap(batch -> Flux.fromIterable(batch)
                .concatMap(record -> apply(record, generation, skipped))
                .doOnComplete(() -> {
                    long now = read.addAndGet(batch.size());
                    status.updateAndGet(current -> current.progress(now, total, skipped.get()));
                }), 1);
    }

    private Mono<Boolean> apply(ConsumerRecord<String, byte[]> record, long generation, AtomicLong skipped) {
        return Mono.fromCallable(() -> Indexing.changeOf(envelope.read(record).event()))
                .flatMap(change -> documents.apply(change, generation))
                .onErrorResume(ContractViolation.class, violation -> {
                    skipped.incrementAndGet();
                    return Mono.just(false);
                });
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
