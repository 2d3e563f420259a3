package de.stadtportal.testing.architecture.sample.good.shop.application;

import de.stadtportal.testing.architecture.sample.good.shop.domain.Basket;
import de.stadtportal.testing.architecture.sample.good.shop.persistence.BasketRepository;

public class BasketService {

    private final BasketRepository baskets = new BasketRepository();

    public Basket add() {
        return baskets.find().add();
    }
}
