/**
 * Background work on a timer, in one shape for every service: {@link
 * de.stadtportal.messaging.schedule.PeriodicJob} runs a pass at start and on an interval, one at a
 * time, and leaves a failed pass to the next. It lives beside the outbox relay, the other loop every
 * service runs, so that application layers may extend it without knowing anything of the web.
 */
package de.stadtportal.messaging.schedule;
