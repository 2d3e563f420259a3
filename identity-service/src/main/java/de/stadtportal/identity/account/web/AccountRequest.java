package de.stadtportal.identity.account.web;

import java.util.List;

/** The body of {@code POST /api/identity/users}. */
public record AccountRequest(String username, String password, List<String> roles, List<String> cities) {
}
