package de.stadtportal.identity.account.domain;

import java.time.Instant;

/** One change to an account as the audit keeps it: who made it, to whom, what kind, what exactly, when. */
public record AuditEntry(String actor, String subject, String action, String what, Instant at) {
}
