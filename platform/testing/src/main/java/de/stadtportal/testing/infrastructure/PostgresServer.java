package de.stadtportal.testing.infrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server for tests. Each Spring context or test class takes a database of its own
 * on the shared server, so tests in one JVM never see each other's rows.
 */
public interface PostgresServer extends AutoCloseable {

    String host();

    int port();

    String username();

    String password();

    String description();

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    default String r2dbcUrl(String database) {
        return "r2dbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates an empty database with the given name unless it exists already. */
    default void createDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " on " + description(), e);
        }
    }

    @Override
    void close();
}
