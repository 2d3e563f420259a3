package de.stadtportal.events.city.persistence;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The cities this service has heard of on {@code content.cities.v1}, in the table {@code known_city}. */
@Repository
public class KnownCityRepository {

    private static final String EXISTS = "SELECT EXISTS (SELECT 1 FROM known_city WHERE slug = :slug) AS known";
    private static final String REMEMBER = """
            INSERT INTO known_city (slug, name) VALUES (:slug, :name)
            ON CONFLICT (slug) DO UPDATE SET name = excluded.name, updated_at = now()
            """;
    private static final String FORGET = "DELETE FROM known_city WHERE slug = :slug";

    private final DatabaseClient database;

    KnownCityRepository(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Boolean> exists(String slug) {
        return database.sql(EXISTS).bind("slug", slug).map(row -> row.get("known", Boolean.class)).one();
    }

    public Mono<Void> remember(String slug, String name) {
        return database.sql(REMEMBER).bind("slug", slug).bind("name", name).then();
    }

    public Mono<Void> forget(String slug) {
        return database.sql(FORGET).bind("slug", slug).then();
    }
}
