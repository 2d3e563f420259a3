/**
 * The keys as the library's {@code JWKSource}, their rotation and the job that keeps them fresh.
 */
package de.stadtportal.identity.key.application;
