package de.stadtportal.gateway.ratelimit;

import de.stadtportal.gateway.GatewayProperties;
import de.stadtportal.web.problem.ProblemDetailsHandler;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "stadtportal.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    private static final String STORE = "stadtportal.gateway.rate-limit.store";

    /** The default store; also replaced by declaring another {@link RateLimiter} bean. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    RateLimiter inMemoryRateLimiter(GatewayProperties properties) {
        return new InMemoryRateLimiter(properties.rateLimit().maxClients(), System::nanoTime);
    }

    /** After Spring Security's filter chain (order -100), so the caller is known. */
    @Bean
    @Order(-50)
    RateLimitFilter rateLimitFilter(RateLimiter limiter, GatewayProperties properties, ProblemDetailsHandler problems,
            MeterRegistry meters) {
        return new RateLimitFilter(limiter, properties.rateLimit(), problems, meters);
    }

    /**
     * Buckets shared through Redis, over the connection Boot configures from
     * {@code spring.data.redis.*}. Without {@code store=redis} that connection factory exists but
     * is never used, so nothing connects to Redis.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = STORE, havingValue = "redis")
    static class RedisStore {

        @Bean
        RateLimiter redisRateLimiter(ReactiveRedisConnectionFactory redis, GatewayProperties properties,
                MeterRegistry meters) {
            GatewayProperties.RateLimit.Redis settings = properties.rateLimit().redis();
            return new RedisRateLimiter(new ReactiveStringRedisTemplate(redis), settings.keyPrefix(),
                    settings.timeout(), meters);
        }

        /**
         * While Lettuce reconnects, refuse commands at once instead of queueing them: the limiter
         * fails open either way, but queued commands would hold every request for the timeout.
         */
        @Bean
        LettuceClientOptionsBuilderCustomizer rejectCommandsWhileRedisIsDisconnected() {
            return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
        }
    }
}
