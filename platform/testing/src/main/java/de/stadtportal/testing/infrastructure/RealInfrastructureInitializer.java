package de.stadtportal.testing.infrastructure;

import de.stadtportal.testing.security.Tokens;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the shared infrastructure: a new database per context (so cached
 * contexts never share rows), the broker's address, and the key and issuer of the test tokens.
 */
public final class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Infrastructure infrastructure = Infrastructure.get();
        PostgresServer postgres = infrastructure.postgres();
        String database = "ctx_" + ProcessHandle.current().pid() + "_" + CONTEXTS.incrementAndGet();
        postgres.createDatabase(database);

        Map<String, Object> properties = infrastructure.serviceProperties(database);
        properties.putAll(Tokens.trustProperties());
        properties.put("stadtportal.test.database", database);
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("stadtportal-test-infrastructure", properties));
    }
}
