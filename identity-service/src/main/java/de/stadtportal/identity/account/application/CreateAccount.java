package de.stadtportal.identity.account.application;

import java.util.Set;

/** Make a new person who can sign in. */
public record CreateAccount(String username, String password, Set<String> roles, Set<String> cities) {
}
