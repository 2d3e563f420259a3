/**
 * The shared kernel: the few plain-Java types that every service's {@code domain} and
 * {@code application} layers speak in, so that none of them needs HTTP, Spring or Reactor to say who
 * is asking ({@link de.stadtportal.kernel.Caller}), why a request is refused
 * ({@link de.stadtportal.kernel.refusal.Refusal}), which time zone the portal lives in
 * ({@link de.stadtportal.kernel.PortalTime}), which part of a list was asked for
 * ({@link de.stadtportal.kernel.paging.Slice}) and which version a change expects
 * ({@link de.stadtportal.kernel.version.IfMatch}). The web layer of {@code platform/web} turns
 * requests into these types and refusals into problem documents, once for every service.
 */
package de.stadtportal.kernel;
