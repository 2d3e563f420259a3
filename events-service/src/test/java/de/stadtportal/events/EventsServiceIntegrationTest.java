package de.stadtportal.events;

import de.stadtportal.contracts.EventCodec;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context every integration test of this service shares (real PostgreSQL and Kafka),
 * and the fixtures built on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
public abstract class EventsServiceIntegrationTest {

    @Autowired protected WebTestClient web;
    @Autowired protected KafkaTemplate<String, byte[]> kafka;
    @Autowired protected CloudEventEnvelope envelope;
    @Autowired protected EventCodec codec;
    @Autowired protected DatabaseClient database;

    protected Fixtures fixtures;

    @BeforeEach
    void createFixtures() {
        fixtures = new Fixtures(web, kafka, envelope, codec, database);
    }
}
