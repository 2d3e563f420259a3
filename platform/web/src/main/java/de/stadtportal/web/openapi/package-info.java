/**
 * The API documents every service publishes at {@code /v3/api-docs} (springdoc), completed the same
 * way everywhere: title, description and version from {@code stadtportal.web.api-docs}, the public
 * base URL as the only server, the bearer (JWT) scheme, the problem schema, and the error answers the
 * shared web layer gives on every operation (see {@link de.stadtportal.web.openapi.StandardResponses}).
 * Controllers add only what is theirs: summaries, examples and the statuses of their own rules.
 */
package de.stadtportal.web.openapi;
