package de.stadtportal.testing.architecture.sample.good.shop.domain;

public record Basket(int items) {

    public Basket add() {
        return new Basket(items + 1);
    }
}
