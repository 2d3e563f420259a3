package de.stadtportal.identity.account.domain;

import java.util.Set;

public record AccountCreated(String username, Set<String> roles, Set<String> cities) implements AccountEvent {
}
