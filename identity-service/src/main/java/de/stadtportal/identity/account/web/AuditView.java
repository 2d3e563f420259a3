package de.stadtportal.identity.account.web;

import de.stadtportal.identity.account.domain.AuditEntry;
import java.time.Instant;

/** One audit row as the admin API shows it. */
public record AuditView(String actor, String subject, String action, String what, Instant at) {

    static AuditView of(AuditEntry entry) {
        return new AuditView(entry.actor(), entry.subject(), entry.action(), entry.what(), entry.at());
    }
}
