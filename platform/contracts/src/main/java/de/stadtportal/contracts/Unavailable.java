package de.stadtportal.contracts;

import java.lang.reflect.Method;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Recognises failures that say "a store or broker is away", not "this input is wrong" or "this code
 * is wrong": connection refused or closed, a database shutting down or starting up, a pool that
 * cannot hand out a connection. Callers wait for what is away (a consumer retries until it is back,
 * HTTP answers 503) and treat everything else as a failure of its own (a consumer retries a few
 * times and dead-letters, HTTP answers 500).
 *
 * <p>A database's answer is judged by its SQLSTATE, not by the exception's type: the PostgreSQL
 * R2DBC driver maps every SQLSTATE class it has no type for (a raised exception, a statement
 * timeout, ...) to {@code R2dbcNonTransientResourceException}, the type that also stands for a lost
 * connection. Only connection exceptions (class 08), shutdowns and start-up ({@code 57P01} to
 * {@code 57P03}) and too many connections ({@code 53300}) say the database is away. Failures without
 * a SQLSTATE are matched by type through the cause chain and each cause's superclasses, by class
 * name, so that no caller needs the R2DBC or Spring transaction types on its classpath.
 */
public final class Unavailable {

    /** Failures that carry no SQLSTATE and still mean "cannot reach the store": a pool or a socket. */
    private static final Set<String> TYPES = Set.of(
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessResourceException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "io.r2dbc.spi.R2dbcTransientResourceException",
            "io.r2dbc.spi.R2dbcNonTransientResourceException",
            "io.r2dbc.spi.R2dbcTimeoutException");
    private static final String R2DBC_EXCEPTION = "io.r2dbc.spi.R2dbcException";
    private static final Set<String> AWAY_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private Unavailable() {
    }

    public static boolean isCause(Throwable error) {
        String sqlState = sqlState(error);
        if (sqlState != null) {
            return isAway(sqlState);
        }
        for (Throwable current = error; current != null; current = next(current)) {
            if (current instanceof ConnectException || current instanceof TimeoutException
                    || current instanceof ClosedChannelException) {
                return true;
            }
            for (Class<?> type = current.getClass(); type != null; type = type.getSuperclass()) {
                if (TYPES.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a database answering with this SQLSTATE is away (rather than refusing this statement). */
    public static boolean isAway(String sqlState) {
        return sqlState.startsWith("08") || AWAY_STATES.contains(sqlState);
    }

    /** The first SQLSTATE in the cause chain, or null when no cause is a database's answer. */
    static String sqlState(Throwable error) {
        for (Throwable current = error; current != null; current = next(current)) {
            String state = current instanceof SQLException sql ? sql.getSQLState() : r2dbcSqlState(current);
            if (state != null && !state.isBlank()) {
                return state;
            }
        }
        return null;
    }

    private static String r2dbcSqlState(Throwable error) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(R2DBC_EXCEPTION)) {
                try {
                    Method getter = type.getMethod("getSqlState");
                    return (String) getter.invoke(error);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Throwable next(Throwable current) {
        Throwable cause = current.getCause();
        return cause == current ? null : cause;
    }
}
