package de.stadtportal.testing.architecture.sample.good.shop.persistence;

import de.stadtportal.testing.architecture.sample.good.shop.domain.Basket;

public class BasketRepository {

    public Basket find() {
        return new Basket(0);
    }
}
