/**
 * How the domain and application layers say no. Each {@link de.stadtportal.kernel.refusal.Refusal}
 * names one reason a client can act on; the platform's problem handler turns each kind into its
 * status once, for every service: bad input 400, a missing sign-in 401, a missing right 403, an
 * unknown resource 404, a state that forbids the change 409, a stale version 412, a missing
 * {@code If-Match} 428, input over a service limit or naming what the service does not know 422. Nothing has been written when one is thrown.
 */
package de.stadtportal.kernel.refusal;
