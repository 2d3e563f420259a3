package de.stadtportal.testing.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker in this JVM: one KRaft node acting as broker and controller, built from
 * {@code kafka_2.13}. Its storage is formatted once with Kafka's own {@code StorageTool}; stopping
 * and starting again keeps the address, the topics and the committed offsets, so tests can take
 * Kafka away from a running service and bring it back.
 */
public final class EmbeddedKafkaBroker implements KafkaBroker {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Path directory;
    private final boolean temporary;
    private final int port;
    private final int controllerPort;
    private final Properties properties;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path directory, boolean temporary, int port, int controllerPort, int partitions) {
        this.directory = directory;
        this.temporary = temporary;
        this.port = port;
        this.controllerPort = controllerPort;
        this.properties = configuration(partitions);
    }

    /** A throw-away broker on free ports; its data goes when it is closed. */
    public static EmbeddedKafkaBroker launch() {
        try {
            Path directory = Files.createTempDirectory("stadtportal-kafka-");
            return launch(directory, true, freePort(), freePort(), 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A broker keeping its data in {@code directory} (formatted on first use), listening for clients
     * on {@code port} and for its own controller on {@code controllerPort}.
     */
    public static EmbeddedKafkaBroker launch(Path directory, int port, int controllerPort, int defaultPartitions) {
        return launch(directory, false, port, controllerPort, defaultPartitions);
    }

    private static EmbeddedKafkaBroker launch(Path directory, boolean temporary, int port, int controllerPort,
            int partitions) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(directory, temporary, port, controllerPort, partitions);
        broker.formatOnce();
        broker.start();
        return broker;
    }

    private Properties configuration(int partitions) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", directory.resolve("data").toString());
        p.put("num.partitions", String.valueOf(partitions));
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("log.flush.interval.messages", "10000");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        return p;
    }

    private void formatOnce() {
        try {
            Files.createDirectories(directory);
            Path config = directory.resolve("server.properties");
            try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                properties.store(writer, "Stadtportal embedded Kafka broker");
            }
            if (Files.exists(directory.resolve("data").resolve("meta.properties"))) {
                return;
            }
            // StorageTool ends the JVM through Exit when something is wrong: turn that into an exception.
            Exit.setExitProcedure((status, message) -> {
                throw new IllegalStateException("Kafka storage format failed (" + status + "): " + message);
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status;
            try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
                status = StorageTool$.MODULE$.execute(new String[] {
                    "format", "--config", config.toString(), "--cluster-id", Uuid.randomUuid().toString(),
                    "--ignore-formatted"
                }, print);
            } finally {
                Exit.resetExitProcedure();
            }
            if (status != 0) {
                throw new IllegalStateException("Kafka storage format failed: " + out.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaRaftServer raft = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
        raft.startup();
        server = raft;
        INSTANCES.incrementAndGet();
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public synchronized boolean running() {
        return server != null;
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public String description() {
        return "embedded KRaft broker (kafka_2.13) at " + bootstrapServers() + ", data in " + directory;
    }

    @Override
    public void close() {
        stop();
        if (temporary) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind is harmless
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
