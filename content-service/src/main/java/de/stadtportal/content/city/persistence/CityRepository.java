package de.stadtportal.content.city.persistence;

import de.stadtportal.content.city.domain.City;
import de.stadtportal.content.city.domain.Portrait;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code city} table. Facts are two parallel arrays so that their order survives. */
@Component
public class CityRepository {

    private static final String FIND = """
            SELECT slug, name, claim, motto, intro, fact_keys, fact_values, hero_url, hero_alt, hero_media_id, neighbours,
                version, updated_at
            FROM city WHERE slug = :slug
            """;

    private static final String EXISTS = "SELECT 1 FROM city WHERE slug = :slug";

    /** Keyset page in slug order; the first page starts after the empty string, which every slug follows. */
    private static final String PAGE = """
            SELECT slug, name, claim, motto, intro, fact_keys, fact_values, hero_url, hero_alt, hero_media_id, neighbours,
                version, updated_at
            FROM city WHERE slug > COALESCE(:after, '')
            ORDER BY slug LIMIT :limit
            """;

    private static final String INSERT = """
            INSERT INTO city (slug, name, claim, motto, intro, fact_keys, fact_values, hero_url, hero_alt,
                hero_media_id, neighbours, version, updated_at)
            VALUES (:slug, :name, :claim, :motto, :intro, :factKeys, :factValues, :heroUrl, :heroAlt, :heroMediaId,
                :neighbours, :version, :updatedAt)
            ON CONFLICT (slug) DO NOTHING
            """;

    private static final String UPDATE = """
            UPDATE city SET name = :name, claim = :claim, motto = :motto, intro = :intro, fact_keys = :factKeys,
                fact_values = :factValues, hero_url = :heroUrl, hero_alt = :heroAlt, hero_media_id = :heroMediaId,
                neighbours = :neighbours,
                version = :version, updated_at = :updatedAt
            WHERE slug = :slug AND version = :version - 1
            """;

    private final DatabaseClient database;

    CityRepository(DatabaseClient database) {
        this.database = database;
    }

    public Mono<City> find(String slug) {
        return database.sql(FIND).bind("slug", slug).map(CityRepository::city).one();
    }

    public Mono<Boolean> exists(String slug) {
        return database.sql(EXISTS).bind("slug", slug).map(row -> true).one().defaultIfEmpty(false);
    }

    /** Up to {@code limit} cities after {@code afterSlug} (null: from the first). */
    public Flux<City> page(String afterSlug, int limit) {
        return nullable(database.sql(PAGE), "after", afterSlug).bind("limit", limit)
                .map(CityRepository::city).all();
    }

    /** Inserts the first version; false when another request created the city first. */
    public Mono<Boolean> insert(City city) {
        return bindAll(database.sql(INSERT), city).fetch().rowsUpdated().map(count -> count == 1);
    }

    /** Stores the next version; false when the row is no longer at the version it was read at. */
    public Mono<Boolean> update(City city) {
        return bindAll(database.sql(UPDATE), city).fetch().rowsUpdated().map(count -> count == 1);
    }

    private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec, City city) {
        Portrait portrait = city.portrait();
        spec = spec.bind("slug", city.slug())
                .bind("name", portrait.name())
                .bind("intro", portrait.intro())
                .bind("factKeys", portrait.facts().keySet().toArray(String[]::new))
                .bind("factValues", portrait.facts().values().toArray(String[]::new))
                .bind("neighbours", portrait.neighbours().toArray(String[]::new))
                .bind("version", city.version())
                .bind("updatedAt", city.updatedAt().atOffset(ZoneOffset.UTC));
        spec = nullable(spec, "claim", portrait.claim());
        spec = nullable(spec, "motto", portrait.motto());
        spec = nullable(spec, "heroUrl", portrait.heroImage() == null ? null : portrait.heroImage().url());
        spec = nullable(spec, "heroAlt", portrait.heroImage() == null ? null : portrait.heroImage().alt());
        UUID mediaId = portrait.heroImage() == null ? null : portrait.heroImage().mediaId();
        return mediaId == null ? spec.bindNull("heroMediaId", UUID.class) : spec.bind("heroMediaId", mediaId);
    }

    private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
            String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static City city(Readable row) {
        String[] keys = row.get("fact_keys", String[].class);
        String[] values = row.get("fact_values", String[].class);
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            facts.put(keys[i], values[i]);
        }
        String heroUrl = row.get("hero_url", String.class);
        UUID heroMediaId = row.get("hero_media_id", UUID.class);
        Portrait portrait = new Portrait(row.get("name", String.class), row.get("claim", String.class),
                row.get("motto", String.class), row.get("intro", String.class), facts,
                heroUrl == null && heroMediaId == null ? null
                        : new Portrait.HeroImage(heroUrl, row.get("hero_alt", String.class), heroMediaId),
                List.of(row.get("neighbours", String[].class)));
        Instant updatedAt = row.get("updated_at", OffsetDateTime.class).toInstant();
        return new City(row.get("slug", String.class), portrait, row.get("version", Long.class), updatedAt);
    }
}
