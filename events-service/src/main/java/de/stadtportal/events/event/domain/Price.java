package de.stadtportal.events.event.domain;

import java.math.BigDecimal;

/** What a ticket costs: free, or from {@code min} to {@code max} in {@code currency}. */
public record Price(boolean free, BigDecimal min, BigDecimal max, String currency) {
}
