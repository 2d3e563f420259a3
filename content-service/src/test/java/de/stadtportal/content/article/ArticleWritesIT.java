package de.stadtportal.content.article;

import static de.stadtportal.content.ContentApi.BOCHUM;
import static de.stadtportal.content.ContentApi.article;
import static de.stadtportal.content.ContentApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.content.article.application.ArticleQuery;
import de.stadtportal.content.article.application.ArticleService;
import de.stadtportal.content.article.application.PublishArticle;
import de.stadtportal.kernel.Caller;
import de.stadtportal.kernel.version.IfMatch;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.security.Tokens;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.core.MethodExecutionInfo;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.core.QueryInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.r2dbc.ConnectionFactoryDecorator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * What an article write costs the database, and that it runs to its end once begun. Every statement
 * and transaction command the service sends is seen below the connection pool (a proxy around the
 * driver's connections, so the pool's own validation would be seen too); the relay is off, so
 * nothing else runs while a request is counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"stadtportal.messaging.outbox.relay-enabled=false", "stadtportal.content.publishing.interval=1h"})
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
class ArticleWritesIT {

    private static final String EDITOR = Tokens.editor("bochum");

    @Autowired WebTestClient web;
    @Autowired ArticleService articles;
    @Autowired DatabaseClient database;
    @Autowired RoundTrips roundTrips;

    @TestConfiguration
    static class CountedConnections {

        @Bean
        RoundTrips roundTrips() {
            return new RoundTrips();
        }

        @Bean
        ConnectionFactoryDecorator countedConnections(RoundTrips roundTrips) {
            return factory -> ProxyConnectionFactory.builder(factory).listener(roundTrips).build();
        }
    }

    @Test
    void creating_and_publishing_an_article_takes_a_round_trip_per_statement_and_none_to_validate_connections() {
        List<String> create = roundTrips.of(() -> web.post().uri(BOCHUM).headers(h -> h.setBearerAuth(EDITOR))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(article("Gezählt " + unique()))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        String slug = slugOfNewest();
        List<String> publish = roundTrips.of(() -> web.post().uri(BOCHUM + "/" + slug + "/publication")
                .headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2));
        System.out.printf("create: %d round trips %s%npublish: %d round trips %s%n", create.size(), create,
                publish.size(), publish);

        assertThat(create).doesNotContain("SELECT 1").containsExactly(
                "SELECT city", "SELECT slugs", "BEGIN", "WITH article, revision", "COMMIT");
        assertThat(publish).doesNotContain("SELECT 1").containsExactly(
                "SELECT article", "BEGIN", "WITH article, revision", "INSERT outbox", "COMMIT");
    }

    @Test
    void a_publication_whose_caller_goes_away_after_it_began_commits_whole_with_its_outbox_row() {
        String slug = (String) web.post().uri(BOCHUM).headers(h -> h.setBearerAuth(EDITOR))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(article("Abgebrochen " + unique()))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("slug");
        Caller editor = new Caller("editor", Set.of("editor"), Set.of("bochum"));
        Disposable.Swap caller = Disposables.swap();
        // the caller gives up as the article's row is written, before its outbox row is, as a client's timeout would
        roundTrips.onStatement(sql -> {
            if (sql.contains("UPDATE article SET")) {
                caller.dispose();
            }
        });
        try {
            caller.update(articles.publish(
                    new PublishArticle(new ArticleQuery("bochum", slug, "de"), null, IfMatch.NONE), editor).subscribe());

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outboxRows(slug)).isEqualTo(1L));
            assertThat(version(slug)).isEqualTo(2L);
            assertThat(caller.isDisposed()).isTrue();
        } finally {
            roundTrips.onStatement(sql -> { });
        }
    }

    private String slugOfNewest() {
        return database.sql("SELECT slug FROM article ORDER BY created_at DESC LIMIT 1")
                .map(row -> row.get("slug", String.class)).one().block();
    }

    private long outboxRows(String slug) {
        return database.sql("""
                SELECT count(*) AS n FROM outbox o JOIN article a ON o.message_key = a.id::text
                WHERE a.city = 'bochum' AND a.slug = :slug AND o.ce_type = 'stadtportal.content.article.published.v1'
                """).bind("slug", slug).map(row -> row.get("n", Long.class)).one().block();
    }

    private long version(String slug) {
        return database.sql("SELECT version FROM article WHERE city = 'bochum' AND slug = :slug")
                .bind("slug", slug).map(row -> row.get("version", Long.class)).one().block();
    }

    /**
     * Every round trip to the server while counting: each statement (named by what it does) and each
     * transaction command.
     */
    static final class RoundTrips implements ProxyExecutionListener {

        private static final Set<String> TRANSACTION_COMMANDS = Set.of("beginTransaction", "commitTransaction",
                "rollbackTransaction", "setTransactionIsolationLevel", "setAutoCommit", "setStatementTimeout",
                "setLockWaitTimeout", "createSavepoint", "releaseSavepoint", "rollbackTransactionToSavepoint");

        private final List<String> seen = new CopyOnWriteArrayList<>();
        private volatile boolean counting;
        private volatile Consumer<String> onStatement = sql -> { };

        List<String> of(Runnable request) {
            seen.clear();
            counting = true;
            try {
                request.run();
            } finally {
                counting = false;
            }
            return List.copyOf(seen);
        }

        void onStatement(Consumer<String> hook) {
            onStatement = hook;
        }

        @Override
        public void beforeMethod(MethodExecutionInfo method) {
            String name = method.getMethod().getName();
            if (counting && TRANSACTION_COMMANDS.contains(name)) {
                seen.add(switch (name) {
                    case "beginTransaction" -> "BEGIN";
                    case "commitTransaction" -> "COMMIT";
                    case "rollbackTransaction" -> "ROLLBACK";
                    default -> name;
                });
            }
        }

        @Override
        public void beforeQuery(QueryExecutionInfo execution) {
            for (QueryInfo query : execution.getQueries()) {
                String sql = query.getQuery();
                onStatement.accept(sql);
                if (counting) {
                    seen.add(named(sql));
                }
            }
        }

        private static String named(String sql) {
            String flat = sql.replaceAll("\\s+", " ").trim();
            if (flat.equalsIgnoreCase("SELECT 1")) {
                return "SELECT 1";
            }
            if (flat.startsWith("WITH") && flat.contains("UPDATE article") || flat.contains("INSERT INTO article (")
                    && flat.contains("article_revision")) {
                return "WITH article, revision";
            }
            if (flat.startsWith("INSERT INTO outbox")) {
                return "INSERT outbox";
            }
            if (flat.startsWith("INSERT INTO article_revision")) {
                return "INSERT revision";
            }
            if (flat.startsWith("INSERT INTO article")) {
                return "INSERT article";
            }
            if (flat.startsWith("UPDATE article")) {
                return "UPDATE article";
            }
            if (flat.contains("FROM city")) {
                return "SELECT city";
            }
            if (flat.startsWith("SELECT DISTINCT slug")) {
                return "SELECT slugs";
            }
            if (flat.contains("FROM article a")) {
                return "SELECT article";
            }
            return flat.length() > 60 ? flat.substring(0, 60) : flat;
        }
    }
}
