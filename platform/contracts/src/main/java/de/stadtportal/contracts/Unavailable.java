package de.stadtportal.contracts;

import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Recognises failures that say "a store or broker is away", not "this input is wrong": connection
 * refused or closed, a database shutting down, a pool that cannot hand out a connection. Matched by
 * class name through the cause chain and each cause's superclasses, so that no caller needs the
 * R2DBC or Spring transaction types on its classpath.
 */
public final class Unavailable {

    private static final Set<String> TYPES = Set.of(
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "io.r2dbc.spi.R2dbcTransientException",
            "io.r2dbc.spi.R2dbcNonTransientResourceException",
            "io.r2dbc.spi.R2dbcTimeoutException");

    private Unavailable() {
    }

    public static boolean isCause(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof ConnectException || current instanceof TimeoutException) {
                return true;
            }
            for (Class<?> type = current.getClass(); type != null; type = type.getSuperclass()) {
                if (TYPES.contains(type.getName())) {
                    return true;
                }
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }
}
