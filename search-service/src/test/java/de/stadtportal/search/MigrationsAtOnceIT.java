package de.stadtportal.search;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.infrastructure.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * Two instances starting at once on a database nobody has migrated yet: Flyway takes PostgreSQL's
 * advisory lock for its run, so one migrates and the other, once it gets the lock, finds nothing
 * left to do.
 */
class MigrationsAtOnceIT {

    @Test
    void two_instances_migrating_one_empty_database_at_once_apply_each_migration_exactly_once() throws Exception {
        PostgresServer postgres = Infrastructure.get().postgres();
        String database = "search_at_once_" + System.nanoTime() % 1_000_000;
        postgres.createDatabase(database);
        CyclicBarrier together = new CyclicBarrier(2);

        List<CompletableFuture<MigrateResult>> starts = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            starts.add(CompletableFuture.supplyAsync(() -> {
                Flyway flyway = Flyway.configure()
                        .dataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password())
                        .locations("classpath:db/migration")
                        .load();
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return flyway.migrate();
            }));
        }
        List<MigrateResult> results = starts.stream().map(CompletableFuture::join).toList();

        assertThat(results).allMatch(result -> result.success);
        assertThat(results.get(0).migrationsExecuted + results.get(1).migrationsExecuted)
                .as("every migration ran once, in one of the two").isEqualTo(appliedVersions(postgres, database).size());
        assertThat(appliedVersions(postgres, database)).doesNotHaveDuplicates().contains("1", "5");
    }

    private static List<String> appliedVersions(PostgresServer postgres, String database) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(),
                postgres.password());
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }
}
