package de.stadtportal.testing.security;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Adds {@link Tokens#trustProperties()} to a test context. */
public final class TrustTestTokensInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("stadtportal-test-tokens", Tokens.trustProperties()));
    }
}
