package de.stadtportal.identity.account.domain;

public record PasswordChanged(String username) implements AccountEvent {
}
