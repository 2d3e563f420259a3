package de.stadtportal.messaging.outbox;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Signals each commit that appended to the outbox, through PostgreSQL {@code LISTEN/NOTIFY} (the
 * outbox table's trigger notifies; PostgreSQL delivers only on commit). It holds one connection of
 * its own, outside the pool, and reconnects with backoff when that connection breaks.
 */
final class OutboxNotifications {

    static final String CHANNEL = "stadtportal_outbox";
    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);

    private final ConnectionFactory connectionFactory;

    OutboxNotifications(ConnectionFactory connectionFactory) {
        this.connectionFactory = unpooled(connectionFactory);
    }

    /** One element per notification; never completes while subscribed. */
    Flux<Object> commits() {
        return Flux.usingWhen(Mono.from(connectionFactory.create()), this::listen, Connection::close)
                .doOnSubscribe(s -> log.debug("Listening on {}", CHANNEL))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(signal -> log.warn("Outbox notifications lost ({}); reconnecting",
                                signal.failure().toString())))
                .repeatWhen(completed -> completed.delayElements(Duration.ofSeconds(1)));
    }

    private Flux<Object> listen(Connection connection) {
        if (!(connection instanceof PostgresqlConnection postgres)) {
            return Flux.error(new IllegalStateException("LISTEN needs a PostgreSQL connection, got "
                    + connection.getClass().getName()));
        }
        return postgres.createStatement("LISTEN " + CHANNEL).execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .thenMany(postgres.getNotifications())
                .map(notification -> (Object) notification.getName());
    }

    private static ConnectionFactory unpooled(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
            current = inner;
        }
        return current;
    }
}
