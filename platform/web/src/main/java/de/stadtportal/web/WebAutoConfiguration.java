package de.stadtportal.web;

import de.stadtportal.web.http.CacheControlFilter;
import de.stadtportal.web.json.StrictInput;
import de.stadtportal.web.problem.ProblemDetailsHandler;
import de.stadtportal.web.security.TokenSecurityConfiguration;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** Gives every reactive service of the platform the same error answers, security, limits and tracing. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Import(TokenSecurityConfiguration.class)
@EnableConfigurationProperties(WebProperties.class)
public class WebAutoConfiguration {

    /**
     * The one clock of a service: every "now" comes from it, so versions, timestamps and schedules
     * agree within a change and tests can set the time. UTC; the portal's zone is
     * {@link de.stadtportal.kernel.PortalTime#ZONE}.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsHandler problemDetailsHandler(JsonMapper json, ObjectProvider<Tracer> tracer) {
        return new ProblemDetailsHandler(json, tracer.getIfAvailable());
    }

    /**
     * What a service observes per request: {@code http.server.requests}, not every step of Spring
     * Security. Left on, Security wraps each filter of its chain, the authentication and the
     * authorization decision in an observation of its own, each with a timer and an active-requests
     * gauge: about ten per request, metrics no dashboard or alert reads, and a measurable share of a
     * request's CPU (the gateway's and events-service's JFR profiles, docs/benchmarks.md).
     * {@code stadtportal.web.observations.security=true} turns them back on for a diagnosis.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "stadtportal.web.observations.security", havingValue = "false", matchIfMissing = true)
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Request bodies are read strictly (see {@link StrictInput}); Boot adds every module bean to its mapper. */
    @Bean
    SimpleModule strictInputModule() {
        return StrictInput.module();
    }

    /** Query parameters and paths with text no store can keep are refused before any handler runs. */
    @Bean
    UnstorableTextFilter unstorableTextFilter() {
        return new UnstorableTextFilter();
    }

    @Bean
    TraceparentFilter traceparentFilter(ObjectProvider<Propagator> propagator) {
        return new TraceparentFilter(propagator.getIfAvailable());
    }

    /**
     * One log line per request where a service asks for it (the gateway), written through a queue;
     * see {@link AccessLogFilter} and {@link AsyncAccessLog}.
     */
    @Bean
    @ConditionalOnProperty(name = "stadtportal.web.access-log", havingValue = "true")
    AccessLogFilter accessLogFilter(ObjectProvider<Tracer> tracer) {
        AsyncAccessLog.install();
        return new AccessLogFilter(tracer.getIfAvailable());
    }

    /** Every answer without a Cache-Control of its own gets the platform's (see {@link CacheControlFilter}). */
    @Bean
    CacheControlFilter cacheControlFilter(WebProperties web) {
        return new CacheControlFilter(web.publicListMaxAge());
    }

    @Bean
    RequestSizeLimitFilter requestSizeLimitFilter(WebProperties web) {
        return new RequestSizeLimitFilter(web.uploads().paths(), web.uploads().maxSize().toBytes());
    }

    /** Bodies sent without a length are cut off at the same limit while they are read. */
    @Bean
    WebFluxConfigurer requestBodyLimit() {
        return new WebFluxConfigurer() {
            @Override
            public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
                configurer.defaultCodecs().maxInMemorySize(RequestSizeLimitFilter.LIMIT_BYTES);
            }
        };
    }
}
