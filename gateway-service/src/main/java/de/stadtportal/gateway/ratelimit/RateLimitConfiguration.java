package de.stadtportal.gateway.ratelimit;

import de.stadtportal.gateway.GatewayProperties;
import de.stadtportal.web.problem.ProblemDetailsHandler;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "stadtportal.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    /** Replaced by declaring another {@link RateLimiter} bean, e.g. a Redis-backed one. */
    @Bean
    @ConditionalOnMissingBean
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
}
