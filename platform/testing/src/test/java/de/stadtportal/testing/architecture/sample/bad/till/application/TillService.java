package de.stadtportal.testing.architecture.sample.bad.till.application;

import de.stadtportal.testing.architecture.sample.bad.shop.application.BasketService;

public class TillService {

    public int open() {
        return 1;
    }

    public int pay() {
        return new BasketService().add(null);
    }
}
