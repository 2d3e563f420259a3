/**
 * The city portal in the browser: every page is rendered on the server from the platform's public
 * HTTP API, reached through the gateway exactly as any third-party client reaches it, and never
 * from a database or a topic. Each feature ({@code city}, {@code article}, {@code event},
 * {@code venue}, {@code search}, {@code feed}) has only a {@code web} layer, since reading the API
 * is all it does; {@code api} holds the one client and the shapes it reads, {@code page} the
 * site's frame (meta data, links, dates, error pages) that every feature shares.
 */
package de.stadtportal.portal;
