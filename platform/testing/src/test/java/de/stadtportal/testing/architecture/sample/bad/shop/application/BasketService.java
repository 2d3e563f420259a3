package de.stadtportal.testing.architecture.sample.bad.shop.application;

import de.stadtportal.testing.architecture.sample.bad.shop.web.BasketRequest;
import de.stadtportal.testing.architecture.sample.bad.till.application.TillService;

/** A use case that takes a web body and leans on a feature that leans back on it. */
public class BasketService {

    public int add(BasketRequest request) {
        return request.items() + new TillService().open();
    }
}
