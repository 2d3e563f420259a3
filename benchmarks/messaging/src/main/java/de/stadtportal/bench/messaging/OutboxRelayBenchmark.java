package de.stadtportal.bench.messaging;

import de.stadtportal.contracts.ArticlePublished;
import de.stadtportal.contracts.EventCodec;
import de.stadtportal.contracts.EventType;
import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.MessagingProperties;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.messaging.envelope.OutgoingMessage;
import de.stadtportal.messaging.outbox.Outbox;
import de.stadtportal.messaging.outbox.OutboxRelay;
import de.stadtportal.testing.data.TestEvents;
import de.stadtportal.testing.infrastructure.EmbeddedKafkaBroker;
import de.stadtportal.testing.infrastructure.EmbeddedPostgresServer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.flywaydb.core.Flyway;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Benchmark of the outbox relay against a plain Kafka producer, in one JVM, on an embedded
 * PostgreSQL and an in-process Kafka broker. Not a test: run it with
 * {@code ./mvnw -q -pl platform/messaging -Pbench test-compile exec:java} (see docs/benchmarks.md).
 *
 * <p>Phases, each after its own warm-up:
 * <ol>
 *   <li>baseline: a plain {@link KafkaProducer} with the relay's producer settings sends N pre-built
 *       CloudEvent records; throughput and send→ack latency;</li>
 *   <li>burst: writers append N events through {@link Outbox#append} in transactions while the relay
 *       runs; throughput from the first commit until a consumer has seen all N, the relay's own
 *       {@code stadtportal.outbox.publish} timer (append→ack) and append→consumed latency;</li>
 *   <li>backlog: N events committed while no relay runs, then a relay starts; time to drain;</li>
 *   <li>idle: single-event transactions with a pause between them; append→consumed latency, paced by
 *       LISTEN/NOTIFY rather than the 1 s poll.</li>
 * </ol>
 * Each relay phase builds a fresh relay with a fresh meter registry, so the timer holds that phase only.
 *
 * <p>System properties: {@code events} (20000), {@code keys} (100), {@code writers} (4),
 * {@code txSize} (50), {@code warmup} (2000), {@code idleEvents} (200), {@code idleGapMs} (20),
 * {@code partitions} (3), {@code batchSize} (500), {@code keysPerBatch} (200), {@code backlog} (true).
 */
public final class OutboxRelayBenchmark {

    private static final String TOPIC = Topics.CONTENT_ARTICLES;
    private static final String DATABASE = "outbox_bench";
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(10);

    private final int events = Integer.getInteger("events", 20_000);
    private final int keys = Integer.getInteger("keys", 100);
    private final int writers = Integer.getInteger("writers", 4);
    private final int txSize = Integer.getInteger("txSize", 50);
    private final int warmup = Integer.getInteger("warmup", 2_000);
    private final int idleEvents = Integer.getInteger("idleEvents", 200);
    private final int idleGapMs = Integer.getInteger("idleGapMs", 20);
    private final int partitions = Integer.getInteger("partitions", 3);
    private final boolean backlog = Boolean.parseBoolean(System.getProperty("backlog", "true"));
    private final MessagingProperties.Outbox settings = new MessagingProperties.Outbox(true,
            Integer.getInteger("batchSize", 500), Integer.getInteger("keysPerBatch", 200), Duration.ofSeconds(1),
            Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMinutes(10));

    private final EventCodec codec = new EventCodec();
    private final CloudEventEnvelope envelope = new CloudEventEnvelope(codec);
    private final Map<String, Phase> phaseByKey = new ConcurrentHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private String jdbcUrl;
    private ConnectionPool pool;
    private DatabaseClient database;
    private TransactionalOperator transactions;
    private DefaultKafkaProducerFactory<String, byte[]> producerFactory;
    private KafkaTemplate<String, byte[]> template;
    private Outbox outbox;
    private Thread consumerThread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean consuming = true;
    private final CountDownLatch assigned = new CountDownLatch(1);

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-bench.xml");
        }
        int status = 0;
        OutboxRelayBenchmark benchmark = new OutboxRelayBenchmark();
        try {
            benchmark.run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        } finally {
            benchmark.shutDown();
        }
        System.out.flush();
        System.exit(status);
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        System.out.printf("Outbox relay benchmark: events=%d keys=%d writers=%d txSize=%d warmup=%d idleEvents=%d "
                        + "idleGapMs=%d partitions=%d batchSize=%d keysPerBatch=%d%n", events, keys, writers, txSize,
                warmup, idleEvents, idleGapMs, partitions, settings.batchSize(), settings.keysPerBatch());
        startInfrastructure();
        buildRelayParts();
        startConsumer();

        progress("baseline: plain KafkaProducer");
        Result baseline = baseline();

        progress("outbox relay: warm-up");
        Phase warm = writeThroughRelay("warm-up", warmup);
        awaitPhase(warm);

        progress("outbox relay: burst");
        Result burst = burst();

        Result drain = null;
        if (backlog) {
            progress("outbox relay: backlog drain");
            drain = backlogDrain();
        }

        progress("outbox relay: idle");
        Result idle = idle();

        print(baseline, burst, drain, idle, Duration.ofNanos(System.nanoTime() - started));
    }

    // ---------------------------------------------------------------- set-up

    private void startInfrastructure() throws Exception {
        postgres = EmbeddedPostgresServer.launch();
        kafka = EmbeddedKafkaBroker.launch();
        String maintenance = "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(maintenance, postgres.username(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        jdbcUrl = "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + DATABASE;
        Flyway.configure().dataSource(jdbcUrl, postgres.username(), postgres.password())
                .locations("classpath:db/migration").load().migrate();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private void buildRelayParts() {
        PostgresqlConnectionFactory connections = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration
                .builder()
                .host(postgres.host())
                .port(postgres.port())
                .username(postgres.username())
                .password(postgres.password())
                .database(DATABASE)
                .build());
        pool = new ConnectionPool(ConnectionPoolConfiguration.builder(connections)
                .initialSize(writers + 1)
                .maxSize(Math.max(10, writers + 2))
                .build());
        database = DatabaseClient.create(pool);
        transactions = TransactionalOperator.create(new R2dbcTransactionManager(pool));
        producerFactory = new DefaultKafkaProducerFactory<>(producerProperties(), new StringSerializer(),
                new ByteArraySerializer());
        producerFactory.addListener(new MicrometerProducerListener<>(new SimpleMeterRegistry()));
        template = new KafkaTemplate<>(producerFactory);
        outbox = new Outbox(database, codec);
    }

    /** The settings of {@code MessagingAutoConfiguration.eventKafkaTemplate}, over Spring Boot's defaults. */
    private Map<String, Object> producerProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        properties.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        return properties;
    }

    /** A registry whose percentiles cover the whole phase instead of the default two-minute window. */
    private static SimpleMeterRegistry phaseRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return DistributionStatisticConfig.builder().expiry(Duration.ofHours(1)).bufferLength(1).build()
                        .merge(config);
            }
        });
        return registry;
    }

    private OutboxRelay newRelay(SimpleMeterRegistry registry) {
        return new OutboxRelay(database, pool, transactions, template, envelope, settings, registry,
                ObservationRegistry.NOOP);
    }

    // ---------------------------------------------------------------- consumer

    private void startConsumer() throws InterruptedException {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-bench-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        consumerThread = new Thread(() -> consume(properties), "outbox-bench-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
        if (!assigned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The consumer got no partitions within 60 s");
        }
    }

    private void consume(Properties properties) {
        try (KafkaConsumer<String, byte[]> kafkaConsumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = kafkaConsumer;
            kafkaConsumer.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty()) {
                        assigned.countDown();
                    }
                }
            });
            while (consuming) {
                for (ConsumerRecord<String, byte[]> record : kafkaConsumer.poll(Duration.ofMillis(100))) {
                    Phase phase = phaseByKey.get(record.key());
                    if (phase != null) {
                        phase.accept(record);
                    }
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            if (consuming) {
                e.printStackTrace();
            }
        }
    }

    /** What the consumer saw of one phase's keys. Written by the consumer thread only. */
    private static final class Phase {
        final String name;
        final int expected;
        final Set<String> ids = new HashSet<>();
        final Map<String, Long> lastVersion = new HashMap<>();
        final Histogram latencyMicros = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        final CountDownLatch complete = new CountDownLatch(1);
        volatile int distinct;
        volatile long completedNanos;
        int duplicates;
        int outOfOrder;

        Phase(String name, int expected) {
            this.name = name;
            this.expected = expected;
        }

        void accept(ConsumerRecord<String, byte[]> record) {
            Instant now = Instant.now();
            String id = header(record, "ce_id");
            if (!ids.add(id)) {
                duplicates++;
                return;
            }
            long version = version(record.value());
            Long previous = lastVersion.put(record.key(), version);
            if (previous != null && previous >= version) {
                outOfOrder++;
            }
            Instant occurred = OffsetDateTime.parse(header(record, "ce_time")).toInstant();
            latencyMicros.recordValue(Math.min(Math.max(0, Duration.between(occurred, now).toNanos() / 1_000),
                    latencyMicros.getHighestTrackableValue()));
            distinct = ids.size();
            if (ids.size() == expected) {
                completedNanos = System.nanoTime();
                complete.countDown();
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The event's top-level {@code "version":N}, read without decoding the whole payload. */
    private static long version(byte[] json) {
        byte[] marker = "\"version\":".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + marker.length < json.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (json[i + j] != marker[j]) {
                    continue outer;
                }
            }
            long value = 0;
            for (int k = i + marker.length; k < json.length && Character.isDigit(json[k]); k++) {
                value = value * 10 + (json[k] - '0');
            }
            return value;
        }
        return -1;
    }

    private Phase newPhase(String name, int expected, List<String> phaseKeys) {
        Phase phase = new Phase(name, expected);
        phaseKeys.forEach(key -> phaseByKey.put(key, phase));
        return phase;
    }

    private void awaitPhase(Phase phase) throws InterruptedException {
        if (!phase.complete.await(PHASE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("Phase " + phase.name + ": the consumer saw " + phase.distinct + " of "
                    + phase.expected + " events within " + PHASE_TIMEOUT);
        }
    }

    // ---------------------------------------------------------------- baseline

    private Result baseline() throws Exception {
        Map<String, Object> properties = producerProperties();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer())) {
            sendAll(producer, records(warmup));
            List<ProducerRecord<String, byte[]>> records = records(events);
            long bytes = records.stream().mapToLong(r -> r.value().length).sum();
            notes.add(String.format(Locale.ROOT, "record value size: %d bytes on average (CloudEvent binary mode, "
                    + "%d ce_* headers)", bytes / records.size(), records.get(0).headers().toArray().length));
            return sendAll(producer, records);
        }
    }

    private List<ProducerRecord<String, byte[]>> records(int count) {
        List<String> baseKeys = newKeys(keys);
        Map<String, Long> versions = new HashMap<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key = baseKeys.get(i % baseKeys.size());
            long version = versions.merge(key, 1L, Long::sum);
            ArticlePublished event = TestEvents.articlePublished(key, version, "Fassung " + version);
            EventType type = EventType.of(event);
            records.add(envelope.toRecord(new OutgoingMessage(UUID.randomUUID(), type.topic(), key, type.ceType(),
                    type.source(), codec.encode(event), null, event.occurredAt())));
        }
        return records;
    }

    private Result sendAll(KafkaProducer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records)
            throws InterruptedException {
        int count = records.size();
        long[] sent = new long[count];
        long[] acked = new long[count];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int index = i;
            sent[i] = System.nanoTime();
            producer.send(records.get(i), (metadata, error) -> {
                acked[index] = System.nanoTime();
                if (error != null) {
                    errors.incrementAndGet();
                }
                done.countDown();
            });
        }
        if (!done.await(PHASE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("Baseline: not every send was acknowledged");
        }
        if (errors.get() > 0) {
            throw new IllegalStateException("Baseline: " + errors.get() + " sends failed");
        }
        Histogram latency = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        long last = start;
        for (int i = 0; i < count; i++) {
            latency.recordValue((acked[i] - sent[i]) / 1_000);
            last = Math.max(last, acked[i]);
        }
        return new Result("kafka producer (baseline)", count, rate(count, last - start),
                millis(latency, 50), millis(latency, 99), "send -> ack");
    }

    // ---------------------------------------------------------------- relay

    private Result burst() throws InterruptedException {
        SimpleMeterRegistry registry = phaseRegistry();
        OutboxRelay relay = newRelay(registry);
        relay.start();
        try {
            List<String> burstKeys = newKeys(keys);
            Phase phase = newPhase("burst", events, burstKeys);
            Writes writes = write(burstKeys, events);
            awaitPhase(phase);
            long nanos = phase.completedNanos - writes.firstCommit;
            Timer timer = registry.get("stadtportal.outbox.publish").timer();
            double[] relayP = percentiles(timer);
            notes.add(String.format(Locale.ROOT, "burst: writers committed %d events in %.2f s (%.0f events/s); "
                    + "consumer done %.2f s after the first commit; relay timer count %d; duplicates %d, "
                    + "out of order %d", events, seconds(writes.lastCommit - writes.started),
                    rate(events, writes.lastCommit - writes.started), seconds(nanos), timer.count(), phase.duplicates,
                    phase.outOfOrder));
            return new Result("outbox relay, burst", events, rate(events, nanos), relayP[0], relayP[1],
                    "append -> ack (relay timer)",
                    new double[] {millis(phase.latencyMicros, 50), millis(phase.latencyMicros, 99)});
        } finally {
            stopWhenDrained(relay);
        }
    }

    private Result backlogDrain() throws InterruptedException {
        List<String> drainKeys = newKeys(keys);
        Phase phase = newPhase("backlog", events, drainKeys);
        write(drainKeys, events);
        OutboxRelay relay = newRelay(phaseRegistry());
        long start = System.nanoTime();
        relay.start();
        try {
            awaitPhase(phase);
            long nanos = phase.completedNanos - start;
            notes.add(String.format(Locale.ROOT, "backlog: %d committed events drained in %.2f s; duplicates %d, "
                    + "out of order %d", events, seconds(nanos), phase.duplicates, phase.outOfOrder));
            return new Result("outbox relay, backlog drain", events, rate(events, nanos), Double.NaN, Double.NaN,
                    "(throughput only)");
        } finally {
            stopWhenDrained(relay);
        }
    }

    private Result idle() throws InterruptedException {
        SimpleMeterRegistry registry = phaseRegistry();
        OutboxRelay relay = newRelay(registry);
        relay.start();
        try {
            List<String> idleKeys = newKeys(Math.min(keys, 10));
            Phase phase = newPhase("idle", idleEvents, idleKeys);
            Map<String, Long> versions = new HashMap<>();
            Thread.sleep(1_500); // let the relay's first rounds pass, so it is waiting
            for (int i = 0; i < idleEvents; i++) {
                String key = idleKeys.get(i % idleKeys.size());
                long version = versions.merge(key, 1L, Long::sum);
                transactions.transactional(Mono.defer(() -> outbox.append(
                                TestEvents.articlePublished(key, version, "Fassung " + version))))
                        .block(Duration.ofSeconds(30));
                Thread.sleep(idleGapMs);
            }
            awaitPhase(phase);
            Timer timer = registry.get("stadtportal.outbox.publish").timer();
            double[] relayP = percentiles(timer);
            notes.add(String.format(Locale.ROOT, "idle: relay timer count %d, mean %.1f ms, max %.1f ms; "
                    + "append -> consumed mean %.1f ms, max %.1f ms; duplicates %d, out of order %d", timer.count(),
                    timer.mean(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS),
                    phase.latencyMicros.getMean() / 1000.0, phase.latencyMicros.getMaxValue() / 1000.0,
                    phase.duplicates, phase.outOfOrder));
            return new Result("outbox relay, idle (1 per tx)", idleEvents, Double.NaN, relayP[0], relayP[1],
                    "append -> ack (relay timer)",
                    new double[] {millis(phase.latencyMicros, 50), millis(phase.latencyMicros, 99)});
        } finally {
            stopWhenDrained(relay);
        }
    }

    private Phase writeThroughRelay(String name, int count) throws InterruptedException {
        OutboxRelay relay = newRelay(phaseRegistry());
        relay.start();
        try {
            List<String> phaseKeys = newKeys(keys);
            Phase phase = newPhase(name, count, phaseKeys);
            write(phaseKeys, count);
            awaitPhase(phase);
            return phase;
        } finally {
            stopWhenDrained(relay);
        }
    }

    /**
     * Stops a relay once no row is left unsent. The consumer sees a batch as soon as Kafka acknowledged
     * it, before the relay commits it as sent; stopping then would roll that batch back and the next
     * relay would send it again.
     */
    private void stopWhenDrained(OutboxRelay relay) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.username(), postgres.password());
                Statement statement = connection.createStatement()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                try (ResultSet result = statement.executeQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")) {
                    result.next();
                    if (result.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(10);
            }
            Thread.sleep(50); // let the round that marked the last rows finish its housekeeping
        } catch (Exception e) {
            System.err.println("Could not wait for the outbox to drain: " + e);
        } finally {
            relay.stop();
        }
    }

    private record Writes(long started, long firstCommit, long lastCommit) {
    }

    /**
     * Appends {@code count} events over {@code phaseKeys} with {@link #writers} concurrent writers, each
     * owning its share of the keys (so versions per key are appended in order), {@link #txSize} events per
     * transaction. Each event is made at append time, so its {@code occurredAt} is the append instant.
     */
    private Writes write(List<String> phaseKeys, int count) {
        AtomicLong firstCommit = new AtomicLong();
        AtomicLong lastCommit = new AtomicLong();
        long started = System.nanoTime();
        Flux.range(0, writers)
                .flatMap(writer -> {
                    List<String> own = IntStream.range(0, phaseKeys.size()).filter(i -> i % writers == writer)
                            .mapToObj(phaseKeys::get).toList();
                    int share = count / writers + (writer < count % writers ? 1 : 0);
                    Map<String, Long> versions = new HashMap<>();
                    List<List<String[]>> batches = new ArrayList<>();
                    List<String[]> batch = new ArrayList<>();
                    for (int i = 0; i < share; i++) {
                        String key = own.get(i % own.size());
                        batch.add(new String[] {key, String.valueOf(versions.merge(key, 1L, Long::sum))});
                        if (batch.size() == txSize) {
                            batches.add(batch);
                            batch = new ArrayList<>();
                        }
                    }
                    if (!batch.isEmpty()) {
                        batches.add(batch);
                    }
                    return Flux.fromIterable(batches).concatMap(transaction -> transactions.transactional(
                                    Flux.fromIterable(transaction).concatMap(event -> Mono.defer(() -> outbox.append(
                                            TestEvents.articlePublished(event[0], Long.parseLong(event[1]),
                                                    "Fassung " + event[1])))).then())
                            .doOnSuccess(done -> {
                                long now = System.nanoTime();
                                firstCommit.compareAndSet(0, now);
                                lastCommit.accumulateAndGet(now, Math::max);
                            }));
                }, writers)
                .blockLast(PHASE_TIMEOUT);
        return new Writes(started, firstCommit.get(), lastCommit.get());
    }

    private static List<String> newKeys(int count) {
        return IntStream.range(0, count).mapToObj(i -> TestEvents.newArticleId()).toList();
    }

    // ---------------------------------------------------------------- report

    private record Result(String path, int events, double perSecond, double p50, double p99, String latency,
            double[] consumed) {
        Result(String path, int events, double perSecond, double p50, double p99, String latency) {
            this(path, events, perSecond, p50, p99, latency, null);
        }
    }

    private void print(Result baseline, Result burst, Result drain, Result idle, Duration took) throws Exception {
        String pgVersion;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.username(), postgres.password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW server_version")) {
            result.next();
            pgVersion = result.getString(1);
        }
        StringBuilder out = new StringBuilder();
        out.append('\n').append("== Outbox relay benchmark ==").append('\n');
        out.append(String.format(Locale.ROOT, "date %s | %d cores | Java %s (%s) | %s %s | PostgreSQL %s (embedded) "
                        + "| Kafka %s (in-process KRaft, %d partitions) | %.0f s%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"),
                pgVersion, AppInfoParser.getVersion(), partitions, (double) took.toSeconds()));
        out.append(String.format(Locale.ROOT, "events=%d keys=%d writers=%d txSize=%d warmup=%d batchSize=%d "
                        + "keysPerBatch=%d idle=%d every %d ms%n%n", events, keys, writers, txSize, warmup,
                settings.batchSize(), settings.keysPerBatch(), idleEvents, idleGapMs));
        String format = "%-32s %7s %10s %9s %9s  %s%n";
        out.append(String.format(Locale.ROOT, format, "path", "events", "events/s", "p50 ms", "p99 ms", "latency"));
        for (Result result : new Result[] {baseline, burst, drain, idle}) {
            if (result == null) {
                continue;
            }
            out.append(String.format(Locale.ROOT, format, result.path(), result.events(), number(result.perSecond(), 0),
                    number(result.p50(), 1), number(result.p99(), 1), result.latency()));
            if (result.consumed() != null) {
                out.append(String.format(Locale.ROOT, format, "", "", "", number(result.consumed()[0], 1),
                        number(result.consumed()[1], 1), "append -> consumed"));
            }
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "ratio relay / baseline throughput: burst %.3f", burst.perSecond()
                / baseline.perSecond()));
        if (drain != null) {
            out.append(String.format(Locale.ROOT, ", backlog drain %.3f", drain.perSecond() / baseline.perSecond()));
        }
        out.append('\n');
        notes.forEach(note -> out.append(note).append('\n'));
        Set<Phase> phases = new HashSet<>(phaseByKey.values());
        out.append(String.format(Locale.ROOT, "consumer check over all relay phases: %d events, %d duplicates, %d out "
                        + "of order per key%n", phases.stream().mapToInt(phase -> phase.distinct).sum(),
                phases.stream().mapToInt(phase -> phase.duplicates).sum(),
                phases.stream().mapToInt(phase -> phase.outOfOrder).sum()));
        System.out.print(out);
    }

    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static double[] percentiles(Timer timer) {
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            if (value.percentile() == 0.5) {
                p50 = value.value(TimeUnit.MILLISECONDS);
            } else if (value.percentile() == 0.99) {
                p99 = value.value(TimeUnit.MILLISECONDS);
            }
        }
        return new double[] {p50, p99};
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static double rate(int count, long nanos) {
        return count / seconds(nanos);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void progress(String message) {
        System.out.printf("%tT %s%n", System.currentTimeMillis(), message);
    }

    // ---------------------------------------------------------------- shut-down

    private void shutDown() {
        consuming = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        quietly(() -> {
            if (consumerThread != null) {
                consumerThread.join(10_000);
            }
        });
        quietly(() -> {
            if (producerFactory != null) {
                producerFactory.destroy();
            }
        });
        quietly(() -> {
            if (pool != null) {
                pool.disposeLater().block(Duration.ofSeconds(10));
            }
        });
        quietly(() -> {
            if (kafka != null) {
                kafka.close();
            }
        });
        quietly(() -> {
            if (postgres != null) {
                postgres.close();
            }
        });
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            System.err.println("Shut-down step failed: " + e);
        }
    }
}
