package de.stadtportal.testing.architecture.sample.good.shop.web;

import de.stadtportal.testing.architecture.sample.good.shop.application.BasketService;

public class BasketController {

    private final BasketService service = new BasketService();

    public int add() {
        return service.add().items();
    }
}
