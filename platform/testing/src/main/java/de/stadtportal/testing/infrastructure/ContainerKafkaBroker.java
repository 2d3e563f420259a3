package de.stadtportal.testing.infrastructure;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Apache Kafka in KRaft mode in a Testcontainers container. Stopping pauses the container, so the
 * mapped port and the data survive until it is resumed.
 */
final class ContainerKafkaBroker implements KafkaBroker {

    private final KafkaContainer container;
    private volatile boolean running = true;

    private ContainerKafkaBroker(KafkaContainer container) {
        this.container = container;
    }

    static ContainerKafkaBroker launch() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
        container.start();
        return new ContainerKafkaBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public synchronized void stop() {
        if (running) {
            DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
            running = false;
        }
    }

    @Override
    public synchronized void start() {
        if (!running) {
            DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
            running = true;
        }
    }

    @Override
    public boolean running() {
        return running;
    }

    @Override
    public String description() {
        return "Kafka container " + container.getDockerImageName() + " at " + bootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
