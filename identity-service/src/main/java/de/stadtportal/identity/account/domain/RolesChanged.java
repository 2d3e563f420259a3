package de.stadtportal.identity.account.domain;

import java.util.Set;

public record RolesChanged(String username, Set<String> before, Set<String> after) implements AccountEvent {
}
