package de.stadtportal.identity.account.domain;

public record AccountDisabled(String username) implements AccountEvent {
}
