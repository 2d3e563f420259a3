package de.stadtportal.identity.account.domain;

public record AccountEnabled(String username) implements AccountEvent {
}
