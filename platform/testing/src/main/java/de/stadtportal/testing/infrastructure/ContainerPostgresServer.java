package de.stadtportal.testing.infrastructure;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL 17 in a Testcontainers container, used where a Docker engine answers. */
final class ContainerPostgresServer implements PostgresServer {

    private final PostgreSQLContainer container;

    private ContainerPostgresServer(PostgreSQLContainer container) {
        this.container = container;
    }

    static ContainerPostgresServer launch() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17")
                .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
        container.start();
        return new ContainerPostgresServer(container);
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(5432);
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public String description() {
        return "PostgreSQL container " + container.getDockerImageName() + " on port " + port();
    }

    @Override
    public void close() {
        container.stop();
    }
}
