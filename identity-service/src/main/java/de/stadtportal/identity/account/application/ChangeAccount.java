package de.stadtportal.identity.account.application;

import java.util.Set;

/** Change the parts of an account that are not {@code null}; {@code enabled = false} disables it. */
public record ChangeAccount(String username, String password, Set<String> roles, Set<String> cities,
        Boolean enabled) {

    public static ChangeAccount disable(String username) {
        return new ChangeAccount(username, null, null, null, false);
    }

    public static ChangeAccount setCities(String username, Set<String> cities) {
        return new ChangeAccount(username, null, null, cities, null);
    }
}
