package de.stadtportal.testing.architecture.sample.bad.shop.persistence;

/** Storage that knows the request body it is read for. */
public class BasketRepository {

    public int count() {
        return 0;
    }

    public int count(de.stadtportal.testing.architecture.sample.bad.shop.web.BasketRequest request) {
        return request.items();
    }
}
