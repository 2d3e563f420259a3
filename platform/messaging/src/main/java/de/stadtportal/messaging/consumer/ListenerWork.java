package de.stadtportal.messaging.consumer;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Finishes a consumer's reactive work on the listener thread before the next record is taken.
 *
 * <p>Spring Kafka also accepts listeners that return a {@code Mono}, but then records of one
 * partition are worked on concurrently and acknowledged out of order; under a burst of poison
 * records the container was seen to stop fetching a partition for good. A listener thread is a
 * thread of its own, not an event loop, so waiting on it is safe: order per partition holds, and
 * the error handler can seek back, retry and dead-letter exactly the failing record.
 */
public final class ListenerWork {

    /** Longer than any single projection write; a hung database fails the record into a retry. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ListenerWork() {
    }

    /**
     * Runs the work and waits for it. The record's span (opened by the container on this thread)
     * is captured into the work's Reactor context, so the statements the work runs on other
     * threads are spans of the record's trace.
     */
    public static void complete(Mono<?> work) {
        work.contextCapture().block(TIMEOUT);
    }
}
