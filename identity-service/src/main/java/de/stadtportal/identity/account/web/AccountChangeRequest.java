package de.stadtportal.identity.account.web;

import java.util.List;

/** The body of {@code PATCH /api/identity/users/{username}}: fields left out stay as they are. */
public record AccountChangeRequest(String password, List<String> roles, List<String> cities, Boolean enabled) {
}
