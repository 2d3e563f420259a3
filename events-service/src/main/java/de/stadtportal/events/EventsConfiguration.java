package de.stadtportal.events;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The few beans the service makes itself. */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    /** One clock for every "now", so versions, DTSTAMPs and snapshots agree within a change. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
