package de.stadtportal.gateway;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Counts how often the gateway's token decoder is asked, around the real one: a request refused
 * before its token is looked at costs no signature check, and this shows it.
 */
@TestConfiguration(proxyBeanMethods = false)
class TokenChecks {

    private static final AtomicLong checks = new AtomicLong();

    static long count() {
        return checks.get();
    }

    @Bean
    static BeanPostProcessor countTokenChecks() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ReactiveJwtDecoder decoder) {
                    return (ReactiveJwtDecoder) token -> {
                        checks.incrementAndGet();
                        return decoder.decode(token);
                    };
                }
                return bean;
            }
        };
    }
}
