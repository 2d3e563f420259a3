package de.stadtportal.identity.account.application;

import de.stadtportal.identity.account.domain.AccountCreated;
import de.stadtportal.identity.account.domain.AccountDisabled;
import de.stadtportal.identity.account.domain.AccountEnabled;
import de.stadtportal.identity.account.domain.AccountEvent;
import de.stadtportal.identity.account.domain.AuditEntry;
import de.stadtportal.identity.account.domain.CitiesChanged;
import de.stadtportal.identity.account.domain.PasswordChanged;
import de.stadtportal.identity.account.domain.RolesChanged;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** An account event as one audit row: the action's name and a short line saying what changed. */
final class AuditEntries {

    static AuditEntry of(AccountEvent event, String actor, Instant at) {
        String what;
        String action;
        if (event instanceof AccountCreated created) {
            action = "created";
            what = "roles " + sorted(created.roles()) + ", cities " + sorted(created.cities());
        } else if (event instanceof PasswordChanged) {
            action = "password-changed";
            what = "password";
        } else if (event instanceof RolesChanged roles) {
            action = "roles-changed";
            what = "roles " + sorted(roles.before()) + " -> " + sorted(roles.after());
        } else if (event instanceof CitiesChanged cities) {
            action = "cities-changed";
            what = "cities " + sorted(cities.before()) + " -> " + sorted(cities.after());
        } else if (event instanceof AccountEnabled) {
            action = "enabled";
            what = "enabled";
        } else if (event instanceof AccountDisabled) {
            action = "disabled";
            what = "disabled; sessions and grants ended";
        } else {
            throw new IllegalStateException("An account event without an audit form: " + event);
        }
        return new AuditEntry(actor, event.username(), action, what, at);
    }

    private static Set<String> sorted(Set<String> values) {
        return new TreeSet<>(values);
    }

    private AuditEntries() {
    }
}
