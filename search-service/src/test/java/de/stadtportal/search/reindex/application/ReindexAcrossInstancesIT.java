package de.stadtportal.search.reindex.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.stadtportal.kernel.Caller;
import de.stadtportal.kernel.refusal.RuleBroken;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.search.indexing.application.IndexingService;
import de.stadtportal.search.reindex.persistence.GenerationRepository;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Two instances of search-service on one database: this context's, and a second {@link ReindexService}
 * with an owner of its own beside it, as another process would have.
 */
@SpringBootTest
@RealInfrastructure
class ReindexAcrossInstancesIT {

    private static final Caller ADMIN = new Caller("admin", Set.of("admin"), Set.of("*"));

    @Autowired ReindexService thisInstance;
    @Autowired GenerationRepository generations;
    @Autowired DatabaseClient database;
    @Autowired Clock clock;
    @Autowired KafkaProperties kafka;
    @Autowired CloudEventEnvelope envelope;
    @Autowired IndexingService indexing;

    @Test
    void an_instance_that_starts_while_another_reindexes_leaves_that_reindex_running_and_shows_its_progress()
            throws InterruptedException {
        HeldJob held = new HeldJob();
        ReindexService other = new ReindexService(held, generations, clock, Duration.ofSeconds(60), "instance-b");
        long generation = other.start(ADMIN).block().generation();
        assertThat(held.started.await(30, TimeUnit.SECONDS)).isTrue();

        thisInstance.discardAbandoned().block();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ReindexStatus seenHere = thisInstance.status(ADMIN).block();
            assertThat(seenHere.state()).isEqualTo("running");
            assertThat(seenHere.generation()).isEqualTo(generation);
            assertThat(seenHere.total()).isEqualTo(HeldJob.TOTAL);
        });
        assertThat(state(generation)).isEqualTo("building");
        assertThatThrownBy(() -> thisInstance.start(ADMIN).block()).isInstanceOf(RuleBroken.class);

        held.release.countDown();
        await().atMost(Duration.ofSeconds(120)).until(() -> "done".equals(thisInstance.status(ADMIN).block().state()));
        assertThat(thisInstance.status(ADMIN).block().generation()).isEqualTo(generation);
        assertThat(state(generation)).isEqualTo("active");
    }

    @Test
    void a_reindex_whose_instance_died_is_discarded_once_its_lease_ran_out_and_the_next_one_runs() {
        // what a dead instance leaves behind: a generation it started building, and no more beats
        long abandoned = generations.create("instance-that-died").block();
        thisInstance.discardAbandoned().block();
        assertThat(state(abandoned)).as("within its lease it may still be at work").isEqualTo("building");

        database.sql("UPDATE search_generation SET heartbeat_at = now() - interval '10 minutes' WHERE id = :id")
                .bind("id", abandoned).then().block();
        long next = thisInstance.start(ADMIN).block().generation();

        assertThat(next).isGreaterThan(abandoned);
        assertThat(state(abandoned)).isEqualTo("failed");
        assertThat(database.sql("SELECT error FROM search_generation WHERE id = :id").bind("id", abandoned)
                .map(row -> row.get("error", String.class)).one().block()).contains("abandoned");
        await().atMost(Duration.ofSeconds(120)).until(() -> "done".equals(thisInstance.status(ADMIN).block().state()));
        assertThat(state(next)).isEqualTo("active");
    }

    private String state(long generation) {
        return database.sql("SELECT state FROM search_generation WHERE id = :id").bind("id", generation)
                .map(row -> row.get("state", String.class)).one().block();
    }

    /** The other instance's replay, held at work (reporting progress) until released, then run for real. */
    private final class HeldJob extends ReindexJob {

        static final long TOTAL = 4711;

        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HeldJob() {
            super(kafka, envelope, indexing, generations);
        }

        @Override
        void rebuild(long generation, Progress progress) {
            started.countDown();
            try {
                while (!release.await(100, TimeUnit.MILLISECONDS)) {
                    progress.read(1, TOTAL, 0);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            super.rebuild(generation, progress);
        }
    }
}
