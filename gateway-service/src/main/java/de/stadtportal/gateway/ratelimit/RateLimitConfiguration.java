package de.stadtportal.gateway.ratelimit;

import de.stadtportal.gateway.GatewayProperties;
import de.stadtportal.web.problem.ProblemDetailsHandler;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ForkJoinPool;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "stadtportal.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    private static final String STORE = "stadtportal.gateway.rate-limit.store";

    static final String CLIENTS = "stadtportal.gateway.ratelimit.clients";

    /**
     * The default store, with its size as a gauge ({@value #CLIENTS}); also replaced by declaring
     * another {@link RateLimiter} bean.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    RateLimiter inMemoryRateLimiter(GatewayProperties properties, MeterRegistry meters) {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(properties.rateLimit().maxClients(), System::nanoTime,
                ForkJoinPool.commonPool());
        Gauge.builder(CLIENTS, limiter, InMemoryRateLimiter::size).tag("store", "memory")
                .description("Clients whose buckets the in-memory rate-limit store holds").register(meters);
        return limiter;
    }

    @Bean
    Budgets rateLimitBudgets(RateLimiter limiter, GatewayProperties properties, ProblemDetailsHandler problems,
            MeterRegistry meters) {
        return new Budgets(limiter, properties.rateLimit(), problems, meters);
    }

    /** Before the token check: every request pays at its client address. */
    @Bean
    RateLimitFilter rateLimitFilter(Budgets budgets) {
        return new RateLimitFilter(budgets);
    }

    /** After the token check: a verified caller pays from its subject's budget instead. */
    @Bean
    SubjectRateLimitFilter subjectRateLimitFilter(Budgets budgets) {
        return new SubjectRateLimitFilter(budgets);
    }

    /** The visitor's address for the city portal, which passes it back on its API reads. */
    @Bean
    PortalVisitorAddress portalVisitorAddress() {
        return new PortalVisitorAddress("portal-web");
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
