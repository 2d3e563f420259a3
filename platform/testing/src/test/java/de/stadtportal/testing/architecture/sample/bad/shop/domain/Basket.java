package de.stadtportal.testing.architecture.sample.bad.shop.domain;

import de.stadtportal.contracts.Topics;
import org.springframework.context.ApplicationEvent;

/** Knows Spring and the contracts: both break the domain rules. */
public record Basket(int items) {

    public String topic(ApplicationEvent event) {
        return Topics.class.getSimpleName() + event;
    }
}
