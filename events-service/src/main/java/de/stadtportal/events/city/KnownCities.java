package de.stadtportal.events.city;

import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.problem.FieldError;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The cities this service has heard of on {@code content.cities.v1}. Venues and events may only be
 * written for them; asking the content service instead would tie every write to its availability.
 */
@Component
public class KnownCities {

    private final DatabaseClient database;

    KnownCities(DatabaseClient database) {
        this.database = database;
    }

    /** Completes when the city is known, otherwise fails with a 422 problem naming the field. */
    public Mono<Void> requireKnown(String city, String field) {
        return database.sql("SELECT 1 FROM known_city WHERE slug = :slug")
                .bind("slug", city)
                .map(row -> true)
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.unprocessable("Unknown city '" + city + "'",
                        new FieldError(field, "is not a city this platform knows"))))
                .then();
    }

    Mono<Void> remember(String slug, String name) {
        return database.sql("""
                INSERT INTO known_city (slug, name) VALUES (:slug, :name)
                ON CONFLICT (slug) DO UPDATE SET name = excluded.name, updated_at = now()
                """)
                .bind("slug", slug)
                .bind("name", name)
                .then();
    }

    Mono<Void> forget(String slug) {
        return database.sql("DELETE FROM known_city WHERE slug = :slug").bind("slug", slug).then();
    }
}
