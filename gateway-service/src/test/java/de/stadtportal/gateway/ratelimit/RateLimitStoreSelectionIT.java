package de.stadtportal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.gateway.GatewayProperties;
import de.stadtportal.web.problem.ProblemDetailsHandler;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which store the gateway's own {@code application.yml} and Boot's Redis auto-configuration give
 * for a setting, read as an operator would set it (environment variable names). Nothing here
 * connects to Redis: the port named is closed, and the context must start all the same.
 */
class RateLimitStoreSelectionIT {

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
                    DataRedisReactiveAutoConfiguration.class, DataRedisReactiveHealthContributorAutoConfiguration.class))
            .withUserConfiguration(EdgeCollaborators.class, RateLimitConfiguration.class);

    @Test
    void buckets_live_in_memory_unless_a_store_is_configured() {
        gateway.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RateLimiter.class)).isInstanceOf(InMemoryRateLimiter.class);
            assertThat(context).doesNotHaveBean(ReactiveHealthContributor.class);
        });
    }

    @Test
    void rate_limit_store_redis_shares_buckets_through_the_redis_at_host_and_port() {
        gateway.withPropertyValues("RATE_LIMIT_STORE=redis", "REDIS_HOST=127.0.0.1", "REDIS_PORT=1")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(RateLimiter.class)).isInstanceOf(RedisRateLimiter.class);
                    LettuceConnectionFactory redis = context.getBean(LettuceConnectionFactory.class);
                    assertThat(redis.getHostName()).isEqualTo("127.0.0.1");
                    assertThat(redis.getPort()).isEqualTo(1);
                    assertThat(redis.getClientConfiguration().getClientOptions()).get()
                            .extracting(ClientOptions::getDisconnectedBehavior)
                            .isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
                    // a Redis that is down lets requests pass, so it must not make the gateway DOWN
                    assertThat(context).doesNotHaveBean(ReactiveHealthContributor.class);
                });
    }

    @Test
    void a_redis_url_wins_over_host_and_port() {
        gateway.withPropertyValues("RATE_LIMIT_STORE=redis", "REDIS_URL=redis://redis.example:6380",
                "REDIS_HOST=127.0.0.1").run(context -> {
                    LettuceConnectionFactory redis = context.getBean(LettuceConnectionFactory.class);
                    assertThat(redis.getHostName()).isEqualTo("redis.example");
                    assertThat(redis.getPort()).isEqualTo(6380);
                });
    }

    /** What the rate-limit configuration takes from the rest of the gateway. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GatewayProperties.class)
    static class EdgeCollaborators {

        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ProblemDetailsHandler problems() {
            return new ProblemDetailsHandler(JsonMapper.builder().build());
        }
    }
}
