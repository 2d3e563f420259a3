package de.stadtportal.contracts;

import java.math.BigDecimal;

public record Price(boolean free, BigDecimal min, BigDecimal max, String currency) {

    public static Price freeOfCharge() {
        return new Price(true, null, null, null);
    }
}
