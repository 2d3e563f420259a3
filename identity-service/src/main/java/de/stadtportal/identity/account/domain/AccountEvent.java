package de.stadtportal.identity.account.domain;

import java.util.Set;

/** What happened to an account; each is one row of the audit. A password never appears in one. */
public sealed interface AccountEvent
        permits AccountCreated, PasswordChanged, RolesChanged, CitiesChanged, AccountEnabled, AccountDisabled {

    String username();
}
