package de.stadtportal.messaging.outbox;

import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Runs a write to its end once it has begun: the caller going away (a client's timeout, the
 * gateway giving up after its deadline) no longer cancels the transaction in the middle.
 * <p>
 * Cancelling a reactive transaction asks for a rollback while the statements already sent are
 * still running on the connection; under load a write was seen committed without the outbox row
 * that belonged to it (an event stored, never published, never found by search). So a write is
 * subscribed on its own and only the caller's wait is cancelled: the transaction commits or rolls
 * back on its own terms, the row and its events together or neither. The caller's context (trace,
 * caller) goes with it.
 */
public final class WholeWrites {

    private WholeWrites() {
    }

    /** {@code write} in one transaction of {@code transactions}, run to its end once begun. */
    public static <T> Mono<T> transaction(TransactionalOperator transactions, Mono<T> write) {
        return finish(transactions.transactional(write));
    }

    /** {@code write}, usually a transaction, not cancelled by its subscriber once subscribed. */
    public static <T> Mono<T> finish(Mono<T> write) {
        return Mono.deferContextual(context -> Mono.fromFuture(() -> write.contextWrite(context).toFuture(), true));
    }
}
