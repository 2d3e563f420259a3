/**
 * Optimistic concurrency as the API speaks it: a resource's entity tag is derived from its version
 * ({@link de.stadtportal.kernel.version.EntityTags}), and a change carries the tags the client read
 * ({@link de.stadtportal.kernel.version.IfMatch}); the application layer checks them against the
 * current state before it writes anything.
 */
package de.stadtportal.kernel.version;
