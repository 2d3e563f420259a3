package de.stadtportal.testing.architecture.sample.bad.shop.web;

import de.stadtportal.testing.architecture.sample.bad.shop.persistence.BasketRepository;

/** A web class that reads storage itself. */
public record BasketRequest(int items) {

    public int stored() {
        return new BasketRepository().count();
    }
}
