package de.stadtportal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnavailableTest {

    @Test
    void a_refused_connection_anywhere_in_the_cause_chain_means_unavailable() {
        Exception wrapped = new IllegalStateException("could not open a transaction",
                new UncheckedIOException(new ConnectException("Connection refused")));

        assertThat(Unavailable.isCause(wrapped)).isTrue();
    }

    @Test
    void bad_input_and_plain_bugs_are_not_unavailability() {
        assertThat(Unavailable.isCause(new ContractViolation("not an event"))).isFalse();
        assertThat(Unavailable.isCause(new NullPointerException())).isFalse();
        assertThat(Unavailable.isCause(null)).isFalse();
    }

    /**
     * The PostgreSQL driver answers most of these with {@code R2dbcNonTransientResourceException}, the
     * type of a lost connection too; only the SQLSTATE tells them apart.
     */
    @ParameterizedTest(name = "{0} ({1}) means away: {2}")
    @CsvSource({
            "08000, connection exception,                     true",
            "08001, cannot establish a connection,            true",
            "08003, connection does not exist,                true",
            "08006, connection failure,                       true",
            "57P01, administrator shut the database down,     true",
            "57P02, the database crashed and is restarting,   true",
            "57P03, the database is starting up,              true",
            "53300, too many connections,                     true",
            "P0001, a raised exception,                       false",
            "SP001, a raised exception with its own code,     false",
            "57014, statement timeout,                        false",
            "23514, check constraint violated,                false",
            "23505, unique constraint violated,               false",
            "22001, value too long,                           false",
            "42P01, no such table,                            false",
            "40001, serialization failure,                    false",
            "40P01, deadlock,                                 false",
            "53100, disk full,                                false",
            "XX000, internal error,                           false",
    })
    void a_database_answer_is_judged_by_its_sqlstate_not_by_its_type(String sqlState, String meaning, boolean away) {
        Exception answer = new R2dbcNonTransientResourceException(meaning, sqlState);
        Exception translated = new IllegalStateException("executeMany; " + meaning, answer);

        assertThat(Unavailable.isCause(answer)).as(sqlState).isEqualTo(away);
        assertThat(Unavailable.isCause(translated)).as(sqlState + " wrapped").isEqualTo(away);
        assertThat(Unavailable.isAway(sqlState)).isEqualTo(away);
    }

    @Test
    void the_sqlstate_decides_whatever_type_the_driver_chose() {
        assertThat(Unavailable.isCause(new R2dbcTimeoutException("canceling statement due to statement timeout",
                "57014"))).isFalse();
        assertThat(Unavailable.isCause(new R2dbcTransientResourceException("closed", "08006"))).isTrue();
        assertThat(Unavailable.isCause(new R2dbcDataIntegrityViolationException("violates check", "23514"))).isFalse();
        assertThat(Unavailable.isCause(new R2dbcBadGrammarException("syntax error", "42601"))).isFalse();
        assertThat(Unavailable.isCause(new R2dbcRollbackException("deadlock detected", "40P01"))).isFalse();
        assertThat(Unavailable.isCause(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(Unavailable.isCause(new SQLException("division by zero", "22012"))).isFalse();
    }

    @Test
    void a_failure_without_a_sqlstate_is_away_when_the_connection_or_the_pool_failed() {
        // r2dbc-pool: no connection within max-acquire-time
        assertThat(Unavailable.isCause(new R2dbcTimeoutException("Connection acquisition timed out after 5000ms",
                new TimeoutException()))).isTrue();
        assertThat(Unavailable.isCause(new R2dbcNonTransientResourceException("Connection closed"))).isTrue();
        assertThat(Unavailable.isCause(new UncheckedIOException(new ClosedChannelException()))).isTrue();
        assertThat(Unavailable.isCause(new IllegalStateException("Timeout on blocking read",
                new TimeoutException()))).isTrue();
        assertThat(Unavailable.isCause(new UncheckedIOException(new IOException("not a connection")))).isFalse();
    }
}
