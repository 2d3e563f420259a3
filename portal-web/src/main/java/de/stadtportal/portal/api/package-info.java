/**
 * The platform's public HTTP API as the portal reads it: one client ({@link PlatformApi}) and the
 * shapes of its answers (SPEC §9), holding only the fields a page shows; fields the API adds later
 * are ignored. A page is made of {@link Part}s, so that a backend being away costs only its part.
 */
package de.stadtportal.portal.api;
