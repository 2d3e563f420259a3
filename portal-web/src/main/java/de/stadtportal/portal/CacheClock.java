package de.stadtportal.portal;

import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock the portal's caches measure freshness with (a test replaces it to let time pass at will). */
@Configuration(proxyBeanMethods = false)
class CacheClock {

    @Bean
    Ticker cacheTicker() {
        return Ticker.systemTicker();
    }
}
