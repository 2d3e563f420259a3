package de.stadtportal.testing.infrastructure;

/**
 * A real Kafka broker for tests. Tests may take it away ({@link #stop()}) and bring it back
 * ({@link #start()}) on the same address with the same data, to prove that nothing is lost while
 * Kafka is unreachable.
 */
public interface KafkaBroker extends AutoCloseable {

    String bootstrapServers();

    /** Makes the broker unreachable for clients; topics and offsets are kept. */
    void stop();

    /** Brings a stopped broker back on the same address; a no-op when it is running. */
    void start();

    boolean running();

    /** Which kind of broker this is, for the log. */
    String description();

    @Override
    void close();
}
