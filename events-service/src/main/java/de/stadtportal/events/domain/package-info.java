/**
 * What the venue and event domains share: how they refuse input ({@link de.stadtportal.events.domain.InvalidInput}
 * with one {@link de.stadtportal.events.domain.Violation} per field), refuse input over one of the service's limits
 * ({@link de.stadtportal.events.domain.LimitExceeded}) and refuse a change that the current state
 * does not allow ({@link de.stadtportal.events.domain.RuleBroken}). Plain Java, so the rules can be tested
 * without a server and the web layer alone decides which HTTP status each refusal becomes.
 */
package de.stadtportal.events.domain;
